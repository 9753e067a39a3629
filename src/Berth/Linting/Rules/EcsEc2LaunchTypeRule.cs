using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsEc2LaunchTypeRule : LintRule
{
    public override string Id => "BERTH-ECS-001";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS on the EC2 launch type without a GPU";

    public override string Resource => "aws_ecs_task_definition, aws_ecs_service";

    public override string Why => "ECS on EC2 brings node management (AMIs, patching, capacity, draining) without the Kubernetes ecosystem that would repay it (DOMAIN.md §5). The usual reason — GPUs — shows as a GPU resource requirement; without one, Fargate removes the nodes.";

    public override string Fix => "Use `requires_compatibilities = [\"FARGATE\"]` and the FARGATE / FARGATE_SPOT capacity providers, or declare the GPU the task needs.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                   = "api"
          requires_compatibilities = ["EC2"]
          container_definitions    = jsonencode([{ name = "app", image = "app:1.0" }])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "training" {
          family                   = "training"
          requires_compatibilities = ["EC2"]
          container_definitions = jsonencode([{
            name                 = "trainer"
            image                = "trainer:1.0"
            resourceRequirements = [{ type = "GPU", value = "1" }]
          }])
        }
        """);

    /// <summary>
    /// Whether the task needs EC2: a GPU, an Inferentia/Trainium device (<c>/dev/neuron*</c> mapped through
    /// linuxParameters, or an inference accelerator), or more than Fargate's largest task (16 vCPU, 120 GiB;
    /// docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
    /// Null when the containers cannot be read.
    /// </summary>
    private static bool? UsesGpu(TerraformResource task)
    {
        if (task.View.Blocks("inference_accelerator").Count > 0 || HclValue.AsNumber(task.View.Get("cpu")) > 16384 || HclValue.AsNumber(task.View.Get("memory")) > 122880)
        {
            return true;
        }

        if (EcsContainers.Read(task) is not { } containers)
        {
            return null;
        }

        return containers.Any(c =>
            (c.Get("resourceRequirements") is IReadOnlyList<object?> list && list.OfType<HclDictionary>().Any(r => HclValue.AsString(r.GetOrNull("type")) is "GPU" or "InferenceAccelerator"))
            || (c.Get("linuxParameters") is HclDictionary linux && linux.GetOrNull("devices") is IReadOnlyList<object?> devices
                && devices.OfType<HclDictionary>().Any(d => HclValue.AsString(d.GetOrNull("hostPath"))?.StartsWith("/dev/neuron", StringComparison.Ordinal) == true))
            || HclValue.AsNumber(c.Get("cpu")) > 16384);
    }

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (HclValue.ContainsUnknown(task.View.Get("requires_compatibilities")))
            {
                yield return UnknownNote(task, task.View, "requires_compatibilities", "whether it runs on the EC2 launch type");
                continue;
            }

            if (Tf.Strings(task.View.Get("requires_compatibilities")) is { } compat && compat.Contains("EC2") && !compat.Contains("FARGATE") && UsesGpu(task) is null
                && ContainersUnknown(task, "whether an EC2 task needs a GPU or accelerator") is { } unreadable)
            {
                yield return unreadable;
            }
            else if (Tf.Strings(task.View.Get("requires_compatibilities")) is { } compat2 && compat2.Contains("EC2") && !compat2.Contains("FARGATE") && UsesGpu(task) == false)
            {
                yield return Report(task, task.View.RangeOf("requires_compatibilities"), "runs on the EC2 launch type with no GPU requirement");
            }
        }

        foreach (var service in input.OfType("aws_ecs_service"))
        {
            if (service.View.Get("launch_type") is not "EC2")
            {
                continue;
            }

            var tasks = Tf.Referenced(service, "task_definition", "aws_ecs_task_definition");
            if (tasks.All(t => UsesGpu(t) == false))
            {
                yield return Report(service, service.View.RangeOf("launch_type"), "uses launch_type EC2 with no GPU requirement");
            }
        }
    }
}
