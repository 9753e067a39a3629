using Berth.Linting;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;
using Berth.Spec;

namespace Berth.Importing;

/// <summary>
/// An EKS cluster from Terraform (hashicorp/aws): its version and support tier (<c>aws_eks_cluster</c>), managed node
/// groups (<c>aws_eks_node_group</c>) and Fargate profiles.
/// </summary>
public static class EksTerraform
{
    /// <summary>The cluster's settings, or null when the code has no EKS cluster.</summary>
    public static (Sourced<string>? Name, Sourced<string>? Version, Sourced<SupportTier>? Tier, IReadOnlyList<ImportedNodeGroup> NodeGroups, SourceRange? FargateProfile, IReadOnlyList<ImportNote> Notes)? Read(IReadOnlyList<TerraformResource> resources)
    {
        var cluster = resources.FirstOrDefault(r => r.Mode == "resource" && r.Type == "aws_eks_cluster");
        if (cluster is null)
        {
            return null;
        }

        var notes = new List<ImportNote>();
        var view = cluster.View;
        var name = HclValue.AsString(view.Get("name")) is { } n ? new Sourced<string>(Names.Berth(n, 40), Provenance.Where(view, "name")) : (Sourced<string>?)null;
        var version = HclValue.AsString(view.Get("version")) is { } v && v.StartsWith("1.", StringComparison.Ordinal) ? new Sourced<string>(v, Provenance.Where(view, "version")) : (Sourced<string>?)null;
        if (version is null)
        {
            notes.Add(new ImportNote(view.RangeOf("version"), "the cluster's Kubernetes version is not set or cannot be known; Berth's default assumed"));
        }

        Sourced<SupportTier>? tier = null;
        if (view.Block("upgrade_policy") is { } policy && HclValue.AsString(policy.Get("support_type")) is { } support)
        {
            tier = new Sourced<SupportTier>(support == "EXTENDED" ? SupportTier.Extended : SupportTier.Standard, Provenance.Where(policy, "support_type"));
        }

        var groups = new List<ImportedNodeGroup>();
        foreach (var group in resources.Where(r => r.Mode == "resource" && r.Type == "aws_eks_node_group"))
        {
            var g = group.View;
            var groupName = HclValue.AsString(g.Get("node_group_name")) ?? HclValue.AsString(group.Key) ?? group.Name;

            // A group tainted CriticalAddonsOnly holds the cluster's controllers, which Berth prices on its own.
            if (g.Blocks("taint").Any(t => HclValue.AsString(t.Get("key")) == "CriticalAddonsOnly"))
            {
                notes.Add(new ImportNote(g.Range, $"node group {groupName} is tainted CriticalAddonsOnly: read as the controllers' group, which Berth prices itself"));
                continue;
            }

            var types = Tf.Strings(g.Get("instance_types"));
            var desired = g.Block("scaling_config") is { } scaling ? Provenance.Int(scaling, "desired_size") ?? Provenance.Int(scaling, "min_size") : null;
            if (types is not { Count: > 0 } || desired is not { } count || count < 1)
            {
                notes.Add(new ImportNote(g.Range, $"node group {groupName}: its instance type or size cannot be known; not imported"));
                continue;
            }

            if (types.Count > 1)
            {
                notes.Add(new ImportNote(g.RangeOf("instance_types"), $"node group {groupName} allows {string.Join(", ", types)}; priced as {types[0]}"));
            }

            var capacity = HclValue.AsString(g.Get("capacity_type")) == "SPOT" ? CapacityType.Spot : CapacityType.OnDemand;
            groups.Add(new ImportedNodeGroup(Names.Berth(groupName), types[0], Math.Min(count, 1000), capacity, g.RangeOf("instance_types")));
        }

        SourceRange? fargate = null;
        foreach (var profile in resources.Where(r => r.Mode == "resource" && r.Type == "aws_eks_fargate_profile"))
        {
            fargate ??= profile.Range;
            notes.Add(new ImportNote(profile.Range, $"{profile.Address}: pods on EKS Fargate profiles are priced as Berth's plans place them, not as the profile does"));
        }

        return (name, version, tier, groups, fargate, notes);
    }
}
