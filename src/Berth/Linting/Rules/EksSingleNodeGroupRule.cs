using Berth.Linting.Hcl;
using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class EksSingleNodeGroupRule : SpanningRule<EksSingleNodeGroupRule.Facts>
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

    /// <summary>One root: whether its workloads have another home (EKS Fargate profiles, Karpenter's Helm release), its
    /// clusters and node groups, and what its node group gives if it is the only one of the only cluster. The cluster,
    /// its node groups and Karpenter often live in different roots (or in YAML).</summary>
    public sealed record Facts(bool OtherHome, int Clusters, int Groups, Finding? OnlyGroup);

    protected override Facts Gather(LintInput root)
    {
        // Karpenter (a NodePool manifest or its Helm release) or EKS Fargate profiles mean workloads have other homes.
        var otherHome = root.OfType("aws_eks_fargate_profile").Any()
            || root.OfType("helm_release").Any(h => h.View.Get("chart") is string chart && chart.Contains("karpenter", StringComparison.Ordinal));
        var groups = root.OfType("aws_eks_node_group").ToList();
        var clusters = root.OfType("aws_eks_cluster").Count();
        return new Facts(otherHome, clusters, groups.Count, otherHome || groups.Count != 1 ? null : Judge(groups[0]));
    }

    protected override IEnumerable<Finding> Decide(IReadOnlyList<Facts> roots, IReadOnlyList<KubeObject> objects)
    {
        if (objects.Any(o => o.Kind == "NodePool") || roots.Any(r => r.OtherHome) || roots.Sum(r => r.Clusters) != 1 || roots.Sum(r => r.Groups) != 1)
        {
            return [];
        }

        return roots.Select(r => r.OnlyGroup).OfType<Finding>();
    }

    /// <summary>The finding (or note) for a node group that is the cluster's only one; null when it is tainted for a purpose.</summary>
    private Finding? Judge(Terraform.TerraformResource group)
    {
        if (HclValue.IsUnknown(group.View.Get("instance_types")) && group.View.Blocks("taint").Count == 0)
        {
            return UnknownNote(group, group.View, "instance_types", "whether the only node group is meant for every workload");
        }

        return group.View.Blocks("taint").Count == 0 && !group.View.MayHaveUnknownBlocks("taint") && !HclValue.IsUnknown(group.View.Get("instance_types"))
            ? Report(group, group.Range, "is the cluster's only node group and takes every workload")
            : null;
    }
}
