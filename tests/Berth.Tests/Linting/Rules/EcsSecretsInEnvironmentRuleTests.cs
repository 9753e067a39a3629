using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsSecretsInEnvironmentRuleTests : RuleTests<EcsSecretsInEnvironmentRule>
{
    [Fact]
    public void A_secret_passed_through_a_module_variable_is_found()
    {
        var findings = Lint(
            ("modules/app/main.tf", """
                variable "environment" {
                  type    = map(string)
                  default = {}
                }

                resource "aws_ecs_task_definition" "this" {
                  family = "app"
                  container_definitions = jsonencode([{
                    name        = "app"
                    image       = "app:1"
                    environment = [for k, v in var.environment : { name = k, value = v }]
                  }])
                }
                """),
            ("main.tf", """
                module "app" {
                  source      = "./modules/app"
                  environment = { STRIPE_API_KEY = "sk_live_123", REGION = "eu-west-1" }
                }
                """));
        findings.ShouldHaveSingleItem().Message.ShouldContain("STRIPE_API_KEY");
    }
}
