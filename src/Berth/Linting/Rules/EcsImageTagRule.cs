using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsImageTagRule : LintRule
{
    public override string Id => "BERTH-ECS-021";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS container image with the latest tag or no tag";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "A task definition revision is meant to pin what runs. With `:latest` (or no tag) every task started later — a scale-out, a replaced Spot task — may pull different code than the tasks beside it, and rolling back to the previous revision rolls back nothing.";

    public override string Fix => "Use an immutable version tag or a digest (`image@sha256:…`), and register a new revision to deploy.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest" }])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2" }])
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (ContainersUnknown(task, "which images its containers run") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                var image = container.Get("image");
                if (image is Unknown)
                {
                    yield return UnknownKey(task, container, "image", "which image tag it runs");
                }
                else if (HclValue.AsString(image) is { Length: > 0 } text && K8sImageTagRule.IsUnpinned(text))
                {
                    yield return Report(task, container.RangeOf("image"), "container '" + container.Name + "' uses image '" + text + "' without a version tag");
                }
            }
        }
    }
}
