using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsLogConfigurationRule : LintRule
{
    public override string Id => "BERTH-ECS-003";

    public override Severity Severity => Severity.High;

    public override string Title => "ECS container without logConfiguration";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "A Fargate container without `logConfiguration` sends its stdout and stderr nowhere: when a task crashes there is nothing to read. Fargate has no node to ssh into.";

    public override string Fix => "Give every container a `logConfiguration` (awslogs, or awsfirelens through a FireLens log router).";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([
            { name = "app", image = "app:1.0", essential = true }
          ])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([
            {
              name      = "app"
              image     = "app:1.0"
              essential = true
              logConfiguration = {
                logDriver = "awslogs"
                options   = { "awslogs-group" = "/ecs/api" }
              }
            }
          ])
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (ContainersUnknown(task, "whether its containers have a logConfiguration") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                if (!container.Has("logConfiguration"))
                {
                    yield return Report(task, container.Range, "container '" + container.Name + "' has no logConfiguration: its output is lost");
                }
            }
        }
    }
}
