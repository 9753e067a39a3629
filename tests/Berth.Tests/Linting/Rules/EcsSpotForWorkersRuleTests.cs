using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsSpotForWorkersRuleTests : RuleTests<EcsSpotForWorkersRule>
{
    private const string Module = """
        variable "name" {}
        variable "spot" { default = false }
        variable "environment" { default = "production" }

        locals {
          strategy = var.spot ? ["FARGATE", "FARGATE_SPOT"] : ["FARGATE"]
        }

        resource "aws_ecs_service" "this" {
          name = var.name
          tags = { Environment = var.environment }
          dynamic "capacity_provider_strategy" {
            for_each = local.strategy
            content {
              capacity_provider = capacity_provider_strategy.value
              weight            = 1
            }
          }
        }
        """;

    [Fact]
    public void The_environment_tag_and_strategy_come_through_a_module()
    {
        var findings = Lint(
            ("modules/svc/main.tf", Module),
            ("main.tf", """
                module "api_prod" {
                  source = "./modules/svc"
                  name   = "api"
                }

                module "api_dev" {
                  source      = "./modules/svc"
                  name        = "api"
                  environment = "dev"
                }

                module "api_dev_spot" {
                  source      = "./modules/svc"
                  name        = "api"
                  environment = "dev"
                  spot        = true
                }
                """));
        findings.ShouldHaveSingleItem().Address.ShouldBe("module.api_dev.aws_ecs_service.this");
    }
}
