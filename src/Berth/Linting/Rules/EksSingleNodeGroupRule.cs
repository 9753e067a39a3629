using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class EksSingleNodeGroupRule : LintRule
{
    public override string Id => "BERTH-EKS-008";

    public override Severity Severity => Severity.Low;

    public override string Title => "One EKS node group for every workload";

    public override string Resource => "aws_eks_node_group";

    public override string Why => "One node group sized for the biggest pod and the peak runs everything side by side: noisy neighbours, no place for GPU or latency-sensitive workloads, and capacity paid for all night (DOMAIN.md §5). Several NodePools (Karpenter) or node groups let each class of workload get the right instances.";

    public override string Fix => "Add Karpenter NodePools (general, GPU, latency-sensitive) and keep a small tainted node group for system add-ons, or split node groups by workload class.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
        }

        resource "aws_eks_node_group" "everything" {
          cluster_name    = aws_eks_cluster.main.name
          node_group_name = "everything"
          instance_types  = ["m5.4xlarge"]
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
        }

        resource "aws_eks_node_group" "system" {
          cluster_name    = aws_eks_cluster.main.name
          node_group_name = "system"
          instance_types  = ["m7g.large"]
          taint {
            key    = "CriticalAddonsOnly"
            value  = "true"
            effect = "NO_SCHEDULE"
          }
        }
        """);

    /// <summary>The cluster, its add-ons, node groups and Karpenter often live in different roots (or in YAML).</summary>
    public override bool SpansRoots => true;

    public override IEnumerable<Finding> Check(LintInput input)
    {
        // Karpenter (a NodePool manifest or its Helm release) or EKS Fargate profiles mean workloads have other homes.
        if (input.OfKind("NodePool").Any() || input.OfType("aws_eks_fargate_profile").Any()
            || input.OfType("helm_release").Any(h => h.View.Get("chart") is string chart && chart.Contains("karpenter", StringComparison.Ordinal)))
        {
            yield break;
        }

        var groups = input.OfType("aws_eks_node_group").ToList();
        if (input.OfType("aws_eks_cluster").Count() != 1 || groups.Count != 1)
        {
            yield break;
        }

        var group = groups[0];
        if (HclValue.IsUnknown(group.View.Get("instance_types")) && group.View.Blocks("taint").Count == 0)
        {
            yield return UnknownNote(group, group.View, "instance_types", "whether the only node group is meant for every workload");
            yield break;
        }

        if (group.View.Blocks("taint").Count == 0 && !group.View.MayHaveUnknownBlocks("taint") && !HclValue.IsUnknown(group.View.Get("instance_types")))
        {
            yield return Report(group, group.Range, "is the cluster's only node group and takes every workload");
        }
    }
}
