using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsCircuitBreakerRule : LintRule
{
    public override string Id => "BERTH-ECS-002";

    public override Severity Severity => Severity.High;

    public override string Title => "ECS service without a deployment circuit breaker that rolls back";

    public override string Resource => "aws_ecs_service";

    public override string Why => "Without the deployment circuit breaker, a task definition that never becomes healthy keeps ECS replacing tasks for hours while the old ones drain; with `rollback = true` ECS returns to the last good deployment by itself.";

    public override string Fix => "Add `deployment_circuit_breaker { enable = true, rollback = true }` to the service.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name          = "api"
          desired_count = 2
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name          = "api"
          desired_count = 2

          deployment_circuit_breaker {
            enable   = true
            rollback = true
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var service in input.OfType("aws_ecs_service"))
        {
            var controller = service.View.Block("deployment_controller")?.Get("type");
            if (controller is string c && c != "ECS")
            {
                continue;
            }

            var breakers = service.View.Blocks("deployment_circuit_breaker");
            if (breakers.Count == 0)
            {
                if (!service.View.MayHaveUnknownBlocks("deployment_circuit_breaker"))
                {
                    yield return Report(service, service.Range, "no deployment circuit breaker: a failing deployment is never rolled back");
                }

                continue;
            }

            var breaker = breakers[0];
            if (Tf.IsFalse(breaker.Get("enable")) || (breaker.Has("enable") is false))
            {
                yield return Report(service, breaker.RangeOf("enable"), "the deployment circuit breaker is not enabled");
            }
            else if (Tf.IsFalse(breaker.Get("rollback")) || !breaker.Has("rollback"))
            {
                yield return Report(service, breaker.RangeOf("rollback"), "the deployment circuit breaker does not roll back");
            }
        }
    }
}
