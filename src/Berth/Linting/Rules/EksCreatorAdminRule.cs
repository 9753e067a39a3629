using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EksCreatorAdminRule : LintRule
{
    public override string Id => "BERTH-EKS-005";

    public override Severity Severity => Severity.Medium;

    public override string Title => "EKS cluster creator gets implicit cluster-admin";

    public override string Resource => "aws_eks_cluster";

    public override string Why => "`bootstrap_cluster_creator_admin_permissions` defaults to true: whatever identity ran `terraform apply` (often a CI role) becomes a permanent, invisible cluster-admin. Access should be declared as access entries, reviewed like any other code.";

    public override string Fix => "Set `bootstrap_cluster_creator_admin_permissions = false` in `access_config` and grant admins with `aws_eks_access_entry` + `aws_eks_access_policy_association`.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
          access_config {
            authentication_mode = "API"
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
          access_config {
            authentication_mode                         = "API"
            bootstrap_cluster_creator_admin_permissions = false
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var cluster in input.OfType("aws_eks_cluster"))
        {
            if (cluster.View.MayHaveUnknownBlocks("access_config"))
            {
                continue;
            }

            var access = cluster.View.Block("access_config");
            var value = access?.Get("bootstrap_cluster_creator_admin_permissions");
            if (value is null || Tf.IsTrue(value))
            {
                yield return Report(cluster, access?.RangeOf("bootstrap_cluster_creator_admin_permissions") ?? cluster.Range, "the cluster creator becomes an implicit cluster-admin");
            }
        }
    }
}
