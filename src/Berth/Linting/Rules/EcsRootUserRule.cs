using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsRootUserRule : LintRule
{
    public override string Id => "BERTH-ECS-020";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS container runs as root";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "A container definition without `user` runs as the image's user, which for most images is root (UID 0); `user = \"0\"` or `\"root\"` says so outright. A process that breaks out of a root container, or writes to a mounted volume, does so as root. ECS on Fargate has no user namespaces to soften it.";

    public override string Fix => "Set `user` to a non-root UID (e.g. `\"1000:1000\"`) in each container definition, and build images whose files that user can read.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "api:1.4" }])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "api:1.4", user = "1000:1000" }])
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (ContainersUnknown(task, "which user its containers run as") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                var user = container.Get("user");
                if (user is Unknown)
                {
                    yield return UnknownKey(task, container, "user", "which user it runs as");
                }
                else if (user is null)
                {
                    yield return Report(task, container.Range, "container '" + container.Name + "' sets no user: it runs as the image's user, root unless the image says otherwise");
                }
                else if (HclValue.AsString(user) is { } u && u.Split(':')[0] is "0" or "root")
                {
                    yield return Report(task, container.RangeOf("user"), "container '" + container.Name + "' runs as root (user \"" + u + "\")");
                }
            }
        }
    }
}
