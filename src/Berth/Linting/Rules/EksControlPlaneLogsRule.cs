using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EksControlPlaneLogsRule : LintRule
{
    public override string Id => "BERTH-EKS-003";

    public override Severity Severity => Severity.Medium;

    public override string Title => "EKS control-plane log types missing";

    public override string Resource => "aws_eks_cluster";

    public override string Why => "Without the audit and authenticator logs nobody can say who did what to the cluster; without api, controllerManager and scheduler logs, control-plane problems are guesswork. They are off by default.";

    public override string Fix => "Set `enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]`.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name                      = "main"
          enabled_cluster_log_types = ["api"]
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        locals {
          log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
        }

        resource "aws_eks_cluster" "main" {
          name                      = "main"
          enabled_cluster_log_types = local.log_types
        }
        """);

    private static readonly string[] All = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var cluster in input.OfType("aws_eks_cluster"))
        {
            var value = cluster.View.Get("enabled_cluster_log_types");
            if (HclValue.ContainsUnknown(value))
            {
                yield return UnknownNote(cluster, cluster.View, "enabled_cluster_log_types", "which control-plane logs are enabled");
            }
            else if (value is null)
            {
                yield return Report(cluster, cluster.Range, "no control-plane logs are enabled");
            }
            else if (Tf.Strings(value) is { } types && All.Except(types, StringComparer.Ordinal).ToList() is { Count: > 0 } missing)
            {
                yield return Report(cluster, cluster.View.RangeOf("enabled_cluster_log_types"), "control-plane logs missing: " + string.Join(", ", missing));
            }
        }
    }
}
