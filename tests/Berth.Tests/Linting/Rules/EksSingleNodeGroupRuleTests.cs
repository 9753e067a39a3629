using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksSingleNodeGroupRuleTests : RuleTests<EksSingleNodeGroupRule>
{
    private const string Cluster = """
        resource "aws_eks_cluster" "main" {
          name = "main"
        }
        """;

    private static string Group(string name) => $$"""
        resource "aws_eks_node_group" "{{name}}" {
          cluster_name    = "main"
          node_group_name = "{{name}}"
          instance_types  = ["m5.4xlarge"]
        }
        """;

    [Fact]
    public void The_cluster_and_its_node_groups_are_counted_across_root_modules()
    {
        // The cluster in one root and its only node group in another is still one node group for everything.
        var finding = LintFiles.Run([Rule], [("cluster/main.tf", Cluster), ("nodes/main.tf", Group("everything"))]).Findings.ShouldHaveSingleItem();
        (finding.Range.File, finding.Range.Line, finding.Message).ShouldBe(("nodes/main.tf", 1, "aws_eks_node_group.everything: is the cluster's only node group and takes every workload"));

        // A second group in a third root, or Karpenter's NodePool in YAML, gives the workloads another home.
        LintFiles.Run([Rule], [("cluster/main.tf", Cluster), ("nodes/main.tf", Group("everything")), ("gpu/main.tf", Group("gpu"))]).Findings.ShouldBeEmpty();
        var nodePool = """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata:
              name: general
            spec:
              template:
                spec:
                  nodeClassRef:
                    group: karpenter.k8s.aws
                    kind: EC2NodeClass
                    name: default
            """;
        LintFiles.Run([Rule], [("cluster/main.tf", Cluster), ("nodes/main.tf", Group("everything")), ("k8s/nodepool.yaml", nodePool)]).Findings.ShouldBeEmpty();
    }
}
