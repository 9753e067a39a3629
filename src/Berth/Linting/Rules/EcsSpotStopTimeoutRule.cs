using System.Globalization;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsSpotStopTimeoutRule : LintRule
{
    public override string Id => "BERTH-ECS-014";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Fargate Spot service whose containers stop in under 120 s";

    public override string Resource => "aws_ecs_service";

    public override string Why => "Fargate Spot gives a two-minute warning (SIGTERM) before it reclaims a task. `stopTimeout` defaults to 30 s: the container is killed long before the two minutes, in-flight requests and jobs are cut off.";

    public override string Fix => "Set `stopTimeout = 120` on the containers of services that run on FARGATE_SPOT, and handle SIGTERM by draining.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = jsonencode([{ name = "worker", image = "worker:1.0" }])
        }

        resource "aws_ecs_service" "worker" {
          name            = "worker"
          task_definition = aws_ecs_task_definition.worker.arn
          capacity_provider_strategy {
            capacity_provider = "FARGATE_SPOT"
            weight            = 100
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = jsonencode([{ name = "worker", image = "worker:1.0", stopTimeout = 120 }])
        }

        resource "aws_ecs_service" "worker" {
          name            = "worker"
          task_definition = aws_ecs_task_definition.worker.arn
          capacity_provider_strategy {
            capacity_provider = "FARGATE_SPOT"
            weight            = 100
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var service in input.OfType("aws_ecs_service"))
        {
            var strategies = service.View.Blocks("capacity_provider_strategy");
            if (strategies.FirstOrDefault(s => HclValue.IsUnknown(s.Get("capacity_provider"))) is { } unknownProvider)
            {
                yield return UnknownNote(service, unknownProvider, "capacity_provider", "whether it runs on Fargate Spot");
                continue;
            }

            var spot = strategies.Any(s => s.Get("capacity_provider") is "FARGATE_SPOT" && HclValue.AsNumber(s.Get("weight")) is not 0m);
            if (!spot)
            {
                continue;
            }

            var tasks = Tf.Referenced(service, "task_definition", "aws_ecs_task_definition");
            if (tasks.Count == 0 && service.View.Has("task_definition"))
            {
                yield return Note(service, service.View.RangeOf("task_definition"), "cannot tell which task definition it runs, so its containers' stopTimeout is not checked");
                continue;
            }

            foreach (var task in tasks)
            {
                if (ContainersUnknown(task, "whether its containers stop within the Spot warning") is { } unreadable)
                {
                    yield return unreadable;
                    continue;
                }

                foreach (var container in EcsContainers.Read(task) ?? [])
                {
                    var timeout = container.Get("stopTimeout");
                    if (timeout is Unknown)
                    {
                        yield return UnknownKey(task, container, "stopTimeout", "whether it stops within the two-minute Spot warning");
                        continue;
                    }

                    var seconds = HclValue.AsNumber(timeout) ?? 30m;
                    if (seconds < 120)
                    {
                        yield return Report(task, container.Has("stopTimeout") ? container.RangeOf("stopTimeout") : container.Range, string.Create(CultureInfo.InvariantCulture,
                            $"container '{container.Name}' stops after {HclValue.FormatNumber(seconds)} s but {service.Address} runs on FARGATE_SPOT (two-minute warning)"));
                    }
                }
            }
        }
    }
}
