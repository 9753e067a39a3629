using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsHealthCheckRule : LintRule
{
    public override string Id => "BERTH-ECS-004";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Essential ECS container without a container health check";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "Without a container `healthCheck`, ECS only knows a process is running, not that it serves: a hung process is never replaced unless a load balancer happens to check it, and workers have no load balancer.";

    public override string Fix => "Add a `healthCheck` (for example `curl -f http://localhost:PORT/health || exit 1`) to each essential container.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = <<-JSON
            [
              { "name": "worker", "image": "worker:1.0", "essential": true }
            ]
          JSON
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = <<-JSON
            [
              {
                "name": "worker", "image": "worker:1.0", "essential": true,
                "healthCheck": { "command": ["CMD-SHELL", "test -f /tmp/alive"] }
              }
            ]
          JSON
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (ContainersUnknown(task, "whether its essential containers have health checks") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                var essential = container.Get("essential");
                if (essential is Unknown && !container.Has("healthCheck"))
                {
                    yield return UnknownKey(task, container, "essential", "whether it is essential (and needs a healthCheck)");
                }
                else if (HclValue.AsBool(essential) != false && essential is not Unknown && !container.Has("healthCheck"))
                {
                    yield return Report(task, container.Range, "essential container '" + container.Name + "' has no healthCheck");
                }
            }
        }
    }
}
