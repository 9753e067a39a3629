using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class EksUnpinnedAddonRule : LintRule
{
    public override string Id => "BERTH-EKS-006";

    public override Severity Severity => Severity.Medium;

    public override string Title => "EKS add-on without a pinned version";

    public override string Resource => "aws_eks_addon";

    public override string Why => "Without `addon_version`, EKS installs the default version for the cluster's Kubernetes version at creation time, so two environments built a month apart run different CNI or CoreDNS versions, and an upgrade happens when someone recreates the add-on rather than when it is planned.";

    public override string Fix => "Pin `addon_version` (from `aws eks describe-addon-versions`) and upgrade it deliberately.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_addon" "coredns" {
          cluster_name = "main"
          addon_name   = "coredns"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_addon" "coredns" {
          cluster_name  = "main"
          addon_name    = "coredns"
          addon_version = "v1.11.4-eksbuild.2"
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var addon in input.OfType("aws_eks_addon"))
        {
            var version = addon.View.Get("addon_version");
            if (version is null or "")
            {
                var name = HclValue.AsString(addon.View.Get("addon_name")) ?? addon.Name;
                yield return Report(addon, addon.View.Has("addon_version") ? addon.View.RangeOf("addon_version") : addon.Range, "add-on '" + name + "' has no pinned addon_version");
            }
        }
    }
}
