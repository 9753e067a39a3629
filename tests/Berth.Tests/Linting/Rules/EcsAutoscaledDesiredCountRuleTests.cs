using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsAutoscaledDesiredCountRuleTests : RuleTests<EcsAutoscaledDesiredCountRule>
{
    [Fact]
    public void For_each_targets_pair_with_their_own_service()
    {
        var code = """
            resource "aws_ecs_service" "this" {
              for_each      = toset(["api", "worker"])
              name          = each.key
              desired_count = 2
            }

            resource "aws_appautoscaling_target" "this" {
              for_each           = toset(["api"])
              service_namespace  = "ecs"
              resource_id        = "service/main/${aws_ecs_service.this[each.key].name}"
              scalable_dimension = "ecs:service:DesiredCount"
              min_capacity       = 2
              max_capacity       = 10
            }
            """;
        var finding = Lint(("main.tf", code)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ECS-011", 4, 3));
        finding.Message.ShouldBe("aws_ecs_service.this[\"api\"]: is autoscaled by aws_appautoscaling_target.this[\"api\"] but does not ignore changes to desired_count");
    }
}
