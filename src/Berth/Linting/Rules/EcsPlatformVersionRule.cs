using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsPlatformVersionRule : LintRule
{
    public override string Id => "BERTH-ECS-019";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Fargate service pinned to a platform version older than 1.4.0";

    public override string Resource => "aws_ecs_service";

    public override string Why => "Linux Fargate platform versions before 1.4.0 (1.3.0 and older) lack EFS volumes, configurable ephemeral storage, the task metadata endpoint v4 and the current network stack, and no longer get new features. A pinned old version also stays old when AWS patches LATEST.";

    public override string Fix => "Remove `platform_version` (it defaults to LATEST) or set it to \"LATEST\" or \"1.4.0\".";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name             = "api"
          launch_type      = "FARGATE"
          platform_version = "1.3.0"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name             = "api"
          launch_type      = "FARGATE"
          platform_version = "LATEST"
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var service in input.OfType("aws_ecs_service"))
        {
            if (!service.View.Has("platform_version"))
            {
                continue;
            }

            var value = service.View.Get("platform_version");
            if (value is Unknown)
            {
                yield return Note(service, service.View.RangeOf("platform_version"), "cannot tell the Fargate platform version: " + Unresolved.Describe(service.View, "platform_version"));
                continue;
            }

            // Windows Fargate has its own platform version line (1.0.0): only Linux versions are judged.
            if (HclValue.AsString(value) is not { } text || text.Equals("LATEST", StringComparison.OrdinalIgnoreCase) || !Version.TryParse(text, out var version)
                || version >= new Version(1, 4, 0) || RunsWindows(service))
            {
                continue;
            }

            yield return Report(service, service.View.RangeOf("platform_version"), "platform_version " + text + " is older than 1.4.0");
        }
    }

    private static bool RunsWindows(TerraformResource service) =>
        Tf.Referenced(service, "task_definition", "aws_ecs_task_definition").Any(t =>
            t.View.Block("runtime_platform")?.Get("operating_system_family") is string os && os.StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase));
}
