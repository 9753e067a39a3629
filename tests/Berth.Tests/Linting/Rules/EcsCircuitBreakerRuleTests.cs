using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsCircuitBreakerRuleTests : RuleTests<EcsCircuitBreakerRule>
{
    private const string Module = """
        variable "rollback" {
          type    = bool
          default = true
        }

        resource "aws_ecs_service" "this" {
          name = "svc"
          deployment_circuit_breaker {
            enable   = true
            rollback = var.rollback
          }
        }
        """;

    [Fact]
    public void A_local_module_is_evaluated_with_each_callers_inputs()
    {
        var findings = Lint(
            ("modules/svc/main.tf", Module),
            ("main.tf", """
                module "good" {
                  source = "./modules/svc"
                }

                module "bad" {
                  source   = "./modules/svc"
                  rollback = local.rollback
                }

                locals {
                  rollback = false
                }
                """));
        var finding = findings.ShouldHaveSingleItem();
        finding.Address.ShouldBe("module.bad.aws_ecs_service.this");
        finding.Range.File.ShouldBe("modules/svc/main.tf");
        finding.Range.Line.ShouldBe(10);
    }

    [Fact]
    public void An_unknown_input_reports_nothing()
    {
        Lint(
            ("modules/svc/main.tf", Module),
            ("main.tf", """
                module "unknown" {
                  source   = "./modules/svc"
                  rollback = data.aws_ssm_parameter.flag.value == "on"
                }
                """)).ShouldBeEmpty();
    }

    [Fact]
    public void A_dynamic_breaker_with_unknown_for_each_reports_nothing() =>
        Lint(("main.tf", """
            resource "aws_ecs_service" "api" {
              name = "api"
              dynamic "deployment_circuit_breaker" {
                for_each = data.external.flags.result
                content {
                  enable   = true
                  rollback = true
                }
              }
            }
            """)).ShouldBeEmpty();

    [Fact]
    public void Count_zero_creates_no_instance() =>
        Lint(("main.tf", """
            resource "aws_ecs_service" "api" {
              count = 0
              name  = "api"
            }
            """)).ShouldBeEmpty();
}
