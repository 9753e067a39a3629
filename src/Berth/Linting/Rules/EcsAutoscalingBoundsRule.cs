using System.Globalization;
using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class EcsAutoscalingBoundsRule : LintRule
{
    public override string Id => "BERTH-ECS-012";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS autoscaling target with min_capacity below 2 or max below min";

    public override string Resource => "aws_appautoscaling_target";

    public override string Why => "With `min_capacity = 1`, scale-in leaves a single task: one Fargate Spot interruption, one deployment or one AZ problem takes the service down. A `max_capacity` below the minimum is rejected, or pins the service.";

    public override string Fix => "Set `min_capacity` to at least 2 (spread across AZs) and `max_capacity` above it.";

    public override RuleExample Failing => new("main.tf", """
        locals {
          scaling = { min = 1, max = 4 }
        }

        resource "aws_appautoscaling_target" "api" {
          service_namespace  = "ecs"
          resource_id        = "service/main/api"
          scalable_dimension = "ecs:service:DesiredCount"
          min_capacity       = local.scaling.min
          max_capacity       = local.scaling.max
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_appautoscaling_target" "api" {
          service_namespace  = "ecs"
          resource_id        = "service/main/api"
          scalable_dimension = "ecs:service:DesiredCount"
          min_capacity       = 2
          max_capacity       = 10
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var target in input.OfType("aws_appautoscaling_target"))
        {
            if (target.View.Get("service_namespace") is Unknown)
            {
                yield return UnknownNote(target, target.View, "service_namespace", "whether it scales an ECS service");
                continue;
            }

            if (target.View.Get("service_namespace") is not "ecs")
            {
                continue;
            }

            if ((HclValue.IsUnknown(target.View.Get("min_capacity")) ? "min_capacity" : HclValue.IsUnknown(target.View.Get("max_capacity")) ? "max_capacity" : null) is { } unknown)
            {
                yield return UnknownNote(target, target.View, unknown, "whether the capacity bounds leave room for a failure");
                continue;
            }

            var min = HclValue.AsNumber(target.View.Get("min_capacity"));
            var max = HclValue.AsNumber(target.View.Get("max_capacity"));
            if (min is { } lo && max is { } hi && hi < lo)
            {
                yield return Report(target, target.View.RangeOf("max_capacity"), string.Create(CultureInfo.InvariantCulture, $"max_capacity {HclValue.FormatNumber(hi)} is below min_capacity {HclValue.FormatNumber(lo)}"));
            }
            else if (min is { } m && m < 2)
            {
                yield return Report(target, target.View.RangeOf("min_capacity"), string.Create(CultureInfo.InvariantCulture, $"min_capacity {HclValue.FormatNumber(m)} leaves a single task (or none) after scale-in"));
            }
        }
    }
}
