using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksUnpinnedAddonRuleTests : RuleTests<EksUnpinnedAddonRule>
{
    [Fact]
    public void For_each_over_a_local_map_checks_every_addon()
    {
        var findings = Lint(("main.tf", """
            locals {
              addons = {
                coredns    = "v1.11.4-eksbuild.2"
                kube-proxy = null
              }
            }

            resource "aws_eks_addon" "this" {
              for_each      = local.addons
              cluster_name  = "main"
              addon_name    = each.key
              addon_version = each.value
            }
            """));
        findings.ShouldHaveSingleItem().Address.ShouldBe("aws_eks_addon.this[\"kube-proxy\"]");
    }
}
