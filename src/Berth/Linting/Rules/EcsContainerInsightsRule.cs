using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class EcsContainerInsightsRule : LintRule
{
    public override string Id => "BERTH-ECS-008";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS cluster without Container Insights";

    public override string Resource => "aws_ecs_cluster";

    public override string Why => "Container Insights is the CPU, memory, network and restart data per service and task; without it an incident starts blind (DOMAIN.md §5: no observability).";

    public override string Fix => "Add `setting { name = \"containerInsights\", value = \"enabled\" }` (or `enhanced`) to the cluster.";

    public override RuleExample Failing => new("main.tf", """
        variable "insights" {
          default = false
        }

        resource "aws_ecs_cluster" "main" {
          name = "main"
          setting {
            name  = "containerInsights"
            value = var.insights ? "enabled" : "disabled"
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_cluster" "main" {
          name = "main"
          setting {
            name  = "containerInsights"
            value = "enhanced"
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var cluster in input.OfType("aws_ecs_cluster"))
        {
            if (cluster.View.MayHaveUnknownBlocks("setting"))
            {
                continue;
            }

            var setting = cluster.View.Blocks("setting").FirstOrDefault(s => HclValue.AsString(s.Get("name")) == "containerInsights");
            if (setting is null)
            {
                yield return Report(cluster, cluster.Range, "Container Insights is not enabled");
                continue;
            }

            var value = setting.Get("value");
            if (value is Unknown)
            {
                yield return UnknownNote(cluster, setting, "value", "whether Container Insights is enabled");
            }
            else if (value is string v && v is not ("enabled" or "enhanced"))
            {
                yield return Report(cluster, setting.RangeOf("value"), "Container Insights is '" + v + "'");
            }
        }
    }
}
