using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsSpotStopTimeoutRuleTests : RuleTests<EcsSpotStopTimeoutRule>
{
    /// <summary>
    /// The shape of Berth's own generated ECS platform (issue 15): services and task definitions both keyed by
    /// for_each, each service pointing at <c>aws_ecs_task_definition.this[each.key]</c>.
    /// </summary>
    private const string ForEach = """
        locals {
          services = {
            api    = { stop = 120 }
            worker = { stop = WORKER }
          }
        }

        resource "aws_ecs_task_definition" "this" {
          for_each              = local.services
          family                = each.key
          container_definitions = jsonencode([{ name = each.key, image = "${each.key}:1.0", stopTimeout = each.value.stop }])
        }

        resource "aws_ecs_service" "this" {
          for_each        = local.services
          name            = each.key
          task_definition = aws_ecs_task_definition.this[each.key].arn
          capacity_provider_strategy {
            capacity_provider = "FARGATE_SPOT"
            weight            = 100
          }
        }
        """;

    [Fact]
    public void Each_for_each_service_is_paired_with_its_own_task_definition()
    {
        var finding = Lint(("main.tf", ForEach.Replace("WORKER", "30", StringComparison.Ordinal))).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ECS-014", 11, 85));
        finding.Address.ShouldBe("aws_ecs_task_definition.this[\"worker\"]");
        finding.Message.ShouldBe("aws_ecs_task_definition.this[\"worker\"]: container 'worker' stops after 30 s but aws_ecs_service.this[\"worker\"] runs on FARGATE_SPOT (two-minute warning)");

        Lint(("main.tf", ForEach.Replace("WORKER", "120", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void Counted_services_pair_by_index_and_an_unknown_index_pairs_with_none()
    {
        var counted = """
            resource "aws_ecs_task_definition" "this" {
              count                 = 2
              family                = "t${count.index}"
              container_definitions = jsonencode([{ name = "c${count.index}", image = "app:1", stopTimeout = count.index == 0 ? 120 : 10 }])
            }

            resource "aws_ecs_service" "this" {
              count           = 2
              name            = "s${count.index}"
              task_definition = aws_ecs_task_definition.this[count.index].arn
              capacity_provider_strategy {
                capacity_provider = "FARGATE_SPOT"
                weight            = count.index
              }
            }
            """;

        // Only service 1 is on Spot (weight 0 for service 0), and it runs task definition 1.
        Lint(("main.tf", counted)).ShouldHaveSingleItem().Message.ShouldBe("aws_ecs_task_definition.this[1]: container 'c1' stops after 10 s but aws_ecs_service.this[1] runs on FARGATE_SPOT (two-minute warning)");
        Lint(("main.tf", counted.Replace("this[count.index].arn", "this[var.which].arn", StringComparison.Ordinal) + "\nvariable \"which\" {}\n")).ShouldBeEmpty();
    }
}
