resource "aws_ecs_task_definition" "this" {
  for_each                 = local.services
  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn
  container_definitions    = jsonencode(local.container_definitions[each.key])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = each.value.cpu_architecture
  }

  volume {
    name = "tmp"
  }

  dynamic "ephemeral_storage" {
    for_each = each.value.ephemeral_storage_gib == null ? [] : [each.value.ephemeral_storage_gib]

    content {
      size_in_gib = ephemeral_storage.value
    }
  }

  tags = var.tags
}

resource "aws_ecs_service" "fixed" {
  for_each                           = { for k, s in local.services : k => s if !s.autoscaled }
  name                               = each.key
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this[each.key].arn
  desired_count                      = each.value.desired_count
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  enable_execute_command             = true
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  health_check_grace_period_seconds  = each.value.type == "web" ? 60 : null

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "capacity_provider_strategy" {
    for_each = each.value.capacity_provider_strategy

    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service[each.key].id, aws_security_group.callers.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = each.value.type == "web" ? [each.value.port] : []

    content {
      target_group_arn = aws_lb_target_group.web[each.key].arn
      container_name   = each.key
      container_port   = load_balancer.value
    }
  }

  dynamic "service_registries" {
    for_each = each.value.type == "backend" ? [1] : []

    content {
      registry_arn = aws_service_discovery_service.backend[each.key].arn
    }
  }

  depends_on = [aws_lb_listener.https, aws_ecs_cluster_capacity_providers.this]
  tags       = var.tags
}

resource "aws_ecs_service" "autoscaled" {
  for_each                           = { for k, s in local.services : k => s if s.autoscaled }
  name                               = each.key
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this[each.key].arn
  desired_count                      = each.value.desired_count
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  enable_execute_command             = true
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  health_check_grace_period_seconds  = each.value.type == "web" ? 60 : null

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # berth:ignore BERTH-ECS-013 berth.yaml keeps email-worker off Fargate Spot (no spot: true): set it there if the work can be retried
  dynamic "capacity_provider_strategy" {
    for_each = each.value.capacity_provider_strategy

    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service[each.key].id, aws_security_group.callers.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = each.value.type == "web" ? [each.value.port] : []

    content {
      target_group_arn = aws_lb_target_group.web[each.key].arn
      container_name   = each.key
      container_port   = load_balancer.value
    }
  }

  dynamic "service_registries" {
    for_each = each.value.type == "backend" ? [1] : []

    content {
      registry_arn = aws_service_discovery_service.backend[each.key].arn
    }
  }

  lifecycle {
    # Application Auto Scaling owns the running count.
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https, aws_ecs_cluster_capacity_providers.this]
  tags       = var.tags
}
