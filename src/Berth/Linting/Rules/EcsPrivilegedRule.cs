using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsPrivilegedRule : LintRule
{
    public override string Id => "BERTH-ECS-010";

    public override Severity Severity => Severity.Critical;

    public override string Title => "Privileged ECS container or host PID mode";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "A privileged container (or `pid_mode = \"host\"`) can reach the host's devices and processes: escaping to the instance, and from there to every task on it, is one step away.";

    public override string Fix => "Remove `privileged = true` and `pid_mode = \"host\"`; grant only the Linux capabilities the process needs.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "agent" {
          family = "agent"
          container_definitions = jsonencode([
            { name = "agent", image = "agent:1.0", privileged = true }
          ])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "agent" {
          family = "agent"
          container_definitions = jsonencode([
            { name = "agent", image = "agent:1.0", privileged = false }
          ])
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (task.View.Get("pid_mode") is "host")
            {
                yield return Report(task, task.View.RangeOf("pid_mode"), "pid_mode is host");
            }

            if (ContainersUnknown(task, "whether a container is privileged") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                if (container.Get("privileged") is Unknown)
                {
                    yield return UnknownKey(task, container, "privileged", "whether it is privileged");
                }
                else if (Tf.IsTrue(container.Get("privileged")))
                {
                    yield return Report(task, container.RangeOf("privileged"), "container '" + container.Name + "' is privileged");
                }
            }
        }
    }
}
