using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsReadOnlyRootRule : LintRule
{
    public override string Id => "BERTH-ECS-016";

    public override Severity Severity => Severity.Low;

    public override string Title => "ECS container with a writable root filesystem";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "A writable root filesystem lets an attacker (or a bug) change binaries and configuration inside the running container; a read-only one, with explicit volumes for what must be written, makes tampering visible.";

    public override string Fix => "Set `readonlyRootFilesystem = true` and mount a volume for the paths the process writes to.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "app", image = "app:1.0" }])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "app", image = "app:1.0", readonlyRootFilesystem = true }])
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (ContainersUnknown(task, "whether its containers have read-only root filesystems") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                var value = container.Get("readonlyRootFilesystem");
                if (value is Unknown)
                {
                    yield return UnknownKey(task, container, "readonlyRootFilesystem", "whether the root filesystem is read-only");
                }
                else if (value is not Unknown && !Tf.IsTrue(value))
                {
                    yield return Report(task, container.Has("readonlyRootFilesystem") ? container.RangeOf("readonlyRootFilesystem") : container.Range, "container '" + container.Name + "' has a writable root filesystem");
                }
            }
        }
    }
}
