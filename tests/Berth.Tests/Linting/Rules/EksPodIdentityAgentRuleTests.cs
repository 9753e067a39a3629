using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksPodIdentityAgentRuleTests : RuleTests<EksPodIdentityAgentRule>
{
    private const string Association = """
        resource "aws_eks_pod_identity_association" "app" {
          cluster_name    = "platform"
          namespace       = "app"
          service_account = "app"
          role_arn        = "arn:aws:iam::111122223333:role/app"
        }
        """;

    [Fact]
    public void The_agent_asked_for_in_a_modules_add_on_map_counts_even_when_the_module_is_not_read()
    {
        // The shape of terraform-aws-modules/eks callers: the add-ons are a map input of the module call.
        var root = """
            module "eks" {
              source  = "terraform-aws-modules/eks/aws"
              version = "~> 20.0"

              cluster_addons = {
                coredns                = {}
                eks-pod-identity-agent = { most_recent = true }
              }
            }
            """;
        LintFiles.Run([Rule], [("main.tf", root + "\n" + Association)]).Findings.ShouldBeEmpty();

        var without = LintFiles.Run([Rule], [("main.tf", root.Replace("eks-pod-identity-agent", "vpc-cni", StringComparison.Ordinal) + "\n" + Association)]).Findings.ShouldHaveSingleItem();
        (without.RuleId, without.Range.Line, without.Range.Column).ShouldBe(("BERTH-EKS-007", 10, 1));
        without.Message.ShouldBe("aws_eks_pod_identity_association.app: no aws_eks_addon installs eks-pod-identity-agent: this association has no effect");
    }

    [Fact]
    public void The_add_on_in_another_root_module_counts()
    {
        // The cluster and its add-ons in one root, the workloads' associations in another: each root is checked on
        // its own while its trees are in memory, and the rule decides from what every root gave.
        var addon = """
            resource "aws_eks_addon" "pod_identity" {
              cluster_name = "platform"
              addon_name   = "eks-pod-identity-agent"
            }
            """;
        LintFiles.Run([Rule], [("cluster/main.tf", addon), ("apps/main.tf", Association)]).Findings.ShouldBeEmpty();

        var findings = LintFiles.Run([Rule], [("cluster/main.tf", addon.Replace("eks-pod-identity-agent", "vpc-cni", StringComparison.Ordinal)), ("apps/main.tf", Association), ("jobs/main.tf", Association)]).Findings;
        findings.Select(f => (f.Range.File, f.Root is { } root ? Path.GetFileName(root) : null)).ShouldBe([("apps/main.tf", "apps"), ("jobs/main.tf", "jobs")]);
    }
}
