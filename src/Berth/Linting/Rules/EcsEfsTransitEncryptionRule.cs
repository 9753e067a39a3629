using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsEfsTransitEncryptionRule : LintRule
{
    public override string Id => "BERTH-ECS-018";

    public override Severity Severity => Severity.High;

    public override string Title => "ECS task mounts EFS without transit encryption";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "`transit_encryption` defaults to DISABLED: the NFS traffic between the task and the file system crosses the VPC in clear text, and EFS access points with IAM authorization cannot be used at all without it.";

    public override string Fix => "Set `transit_encryption = \"ENABLED\"` in every `efs_volume_configuration` (and prefer an access point with `authorization_config { iam = \"ENABLED\" }`).";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "app", image = "app:1.0" }])

          volume {
            name = "data"
            efs_volume_configuration {
              file_system_id = "fs-0123456789abcdef0"
            }
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "app", image = "app:1.0" }])

          volume {
            name = "data"
            efs_volume_configuration {
              file_system_id     = "fs-0123456789abcdef0"
              transit_encryption = "ENABLED"
            }
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            foreach (var volume in task.View.Blocks("volume"))
            {
                foreach (var efs in volume.Blocks("efs_volume_configuration"))
                {
                    var value = efs.Get("transit_encryption");
                    if (value is Unknown)
                    {
                        yield return Note(task, efs.RangeOf("transit_encryption"), "cannot tell whether EFS volume '" + (HclValue.AsString(volume.Get("name")) ?? "?") + "' is encrypted in transit: " + Unresolved.Describe(efs, "transit_encryption"));
                    }
                    else if (!string.Equals(HclValue.AsString(value), "ENABLED", StringComparison.OrdinalIgnoreCase))
                    {
                        yield return Report(task, efs.Has("transit_encryption") ? efs.RangeOf("transit_encryption") : efs.Range, "EFS volume '" + (HclValue.AsString(volume.Get("name")) ?? "?") + "' is mounted without transit encryption");
                    }
                }
            }
        }
    }
}
