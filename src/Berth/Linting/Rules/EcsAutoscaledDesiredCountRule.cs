using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsAutoscaledDesiredCountRule : LintRule
{
    public override string Id => "BERTH-ECS-011";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Autoscaled ECS service without ignore_changes = [desired_count]";

    public override string Resource => "aws_ecs_service";

    public override string Why => "Application Auto Scaling changes the service's desired count; the next `terraform apply` sets it back to the value in code — scaling a busy service down in the middle of a peak.";

    public override string Fix => "Add `lifecycle { ignore_changes = [desired_count] }` to every service an `aws_appautoscaling_target` scales.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name          = "api"
          desired_count = 2
        }

        resource "aws_appautoscaling_target" "api" {
          service_namespace  = "ecs"
          resource_id        = "service/main/${aws_ecs_service.api.name}"
          scalable_dimension = "ecs:service:DesiredCount"
          min_capacity       = 2
          max_capacity       = 10
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name          = "api"
          desired_count = 2

          lifecycle {
            ignore_changes = [desired_count]
          }
        }

        resource "aws_appautoscaling_target" "api" {
          service_namespace  = "ecs"
          resource_id        = "service/main/${aws_ecs_service.api.name}"
          scalable_dimension = "ecs:service:DesiredCount"
          min_capacity       = 2
          max_capacity       = 10
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in input.OfType("aws_appautoscaling_target"))
        {
            if (target.View.Get("service_namespace") is string ns && ns != "ecs")
            {
                continue;
            }

            var services = Tf.Referenced(target, "resource_id", "aws_ecs_service").ToList();
            if (services.Count == 0 && HclValue.AsString(target.View.Get("resource_id")) is { } id && id.Split('/') is ["service", _, var serviceName])
            {
                services = target.Module.Resources.Where(r => r.Type == "aws_ecs_service" && HclValue.AsString(r.View.Get("name")) == serviceName).ToList();
            }

            if (services.Count == 0 && target.View.Get("resource_id") is Unknown)
            {
                yield return UnknownNote(target, target.View, "resource_id", "which ECS service it scales");
                continue;
            }

            foreach (var service in services)
            {
                if (!Tf.IgnoresChanges(service, "desired_count") && reported.Add(service.Address))
                {
                    yield return Report(service, service.View.RangeOf("desired_count"), "is autoscaled by " + target.Address + " but does not ignore changes to desired_count");
                }
            }
        }
    }
}
