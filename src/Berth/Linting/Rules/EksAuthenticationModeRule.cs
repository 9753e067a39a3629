using Berth.Linting.Hcl;
namespace Berth.Linting.Rules;

public sealed class EksAuthenticationModeRule : LintRule
{
    public override string Id => "BERTH-EKS-004";

    public override Severity Severity => Severity.High;

    public override string Title => "EKS cluster authenticates only through the aws-auth ConfigMap";

    public override string Resource => "aws_eks_cluster";

    public override string Why => "With `authentication_mode = \"CONFIG_MAP\"` (the default when `access_config` is absent) access lives in the aws-auth ConfigMap: one bad edit locks everyone out, and it is invisible to IAM. Access entries are managed through the EKS API, audited, and survive a broken ConfigMap.";

    public override string Fix => "Set `access_config { authentication_mode = \"API\" }` (or `API_AND_CONFIG_MAP` while migrating) and manage access with `aws_eks_access_entry`.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
          access_config {
            authentication_mode = "CONFIG_MAP"
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
            if (access is null)
            {
                yield return Report(cluster, cluster.Range, "no access_config: authentication_mode defaults to CONFIG_MAP (aws-auth)");
            }
            else if (access.Get("authentication_mode") is Unknown)
            {
                yield return UnknownNote(cluster, access, "authentication_mode", "how the cluster authenticates");
            }
            else if (access.Get("authentication_mode") is "CONFIG_MAP")
            {
                yield return Report(cluster, access.RangeOf("authentication_mode"), "authentication_mode is CONFIG_MAP (aws-auth only)");
            }
        }
    }
}
