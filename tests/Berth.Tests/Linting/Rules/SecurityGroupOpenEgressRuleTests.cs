using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class SecurityGroupOpenEgressRuleTests : RuleTests<SecurityGroupOpenEgressRule>
{
    [Fact]
    public void Standalone_rules_and_variables_are_checked()
    {
        var findings = Lint(("main.tf", """
            variable "egress_cidr" {
              default = "0.0.0.0/0"
            }

            locals {
              world = ["0.0.0.0/0"]
            }

            resource "aws_security_group_rule" "all" {
              type              = "egress"
              from_port         = 0
              to_port           = 65535
              protocol          = "tcp"
              cidr_blocks       = local.world
              security_group_id = "sg-1"
            }

            resource "aws_vpc_security_group_egress_rule" "all" {
              security_group_id = "sg-1"
              cidr_ipv4         = var.egress_cidr
              ip_protocol       = "-1"
            }

            resource "aws_vpc_security_group_egress_rule" "vpc" {
              security_group_id = "sg-1"
              cidr_ipv4         = "10.0.0.0/16"
              ip_protocol       = "-1"
            }
            """));
        findings.Select(f => f.Address).ShouldBe(["aws_security_group_rule.all", "aws_vpc_security_group_egress_rule.all"]);
        findings.Select(f => f.Message).ShouldBe(["aws_security_group_rule.all: egress to the internet on every TCP port", "aws_vpc_security_group_egress_rule.all: egress to the internet on every port and protocol"]);
    }

    [Fact]
    public void Every_udp_port_counts_and_a_partial_range_does_not()
    {
        var findings = Lint(("main.tf", """
            resource "aws_security_group_rule" "udp" {
              type              = "egress"
              from_port         = 0
              to_port           = 65535
              protocol          = "udp"
              cidr_blocks       = ["::/0"]
              security_group_id = "sg-1"
            }

            resource "aws_security_group_rule" "https" {
              type              = "egress"
              from_port         = 443
              to_port           = 443
              protocol          = "tcp"
              cidr_blocks       = ["0.0.0.0/0"]
              security_group_id = "sg-1"
            }
            """));
        findings.ShouldHaveSingleItem().Message.ShouldBe("aws_security_group_rule.udp: egress to the internet on every UDP port");
    }

    [Fact]
    public void A_dynamic_egress_from_a_module_input_is_checked()
    {
        var findings = Lint(
            ("modules/sg/main.tf", """
                variable "egress" {
                  type = list(object({ protocol = string, cidr = string }))
                }

                resource "aws_security_group" "this" {
                  name = "tasks"
                  dynamic "egress" {
                    for_each = var.egress
                    content {
                      from_port   = 0
                      to_port     = 0
                      protocol    = egress.value.protocol
                      cidr_blocks = [egress.value.cidr]
                    }
                  }
                }
                """),
            ("main.tf", """
                module "sg" {
                  source = "./modules/sg"
                  egress = [{ protocol = "-1", cidr = "0.0.0.0/0" }, { protocol = "-1", cidr = "10.0.0.0/8" }]
                }
                """));
        findings.ShouldHaveSingleItem().Address.ShouldBe("module.sg.aws_security_group.this");
    }
}
