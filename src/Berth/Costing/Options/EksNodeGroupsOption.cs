using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>EKS with fixed managed node groups: the control plane and every node, all month, whatever the demand.</summary>
public sealed class EksNodeGroupsOption : ICostOptionBuilder
{
    public const string OptionId = "eks-nodegroups";

    public string Id => OptionId;

    public int Order => 2;

    public CostOption? Build(CostContext c)
    {
        var groups = c.Spec.Eks.NodeGroups;
        if (groups.Count == 0)
        {
            return null;
        }

        var lines = new List<LineItem> { LineItems.ControlPlane(c) };
        var onDemand = new List<LineItem>();
        var notes = new List<string>();
        long nodeMillicores = 0;
        long nodeMiB = 0;
        var nodes = 0;
        foreach (var g in groups)
        {
            var info = c.Prices.Catalog.Instance(g.InstanceType)
                ?? throw new CostingException($"eks.nodeGroups ({g.Name}): unknown instance type '{g.InstanceType}'{Suggest.DidYouMean(g.InstanceType, c.Prices.Catalog.Instances.Select(i => i.Name))}");
            var q = c.Prices.Ec2(g.InstanceType, g.CapacityType)
                ?? throw new CostingException($"eks.nodeGroups ({g.Name}): no {SpecEnums.CapacityType.NameOf(g.CapacityType)} price for {g.InstanceType} in {c.Prices.Region}; add one under pricing.overrides.ec2");
            var capacity = SpecEnums.CapacityType.NameOf(g.CapacityType);
            var line = LineItem.Create($"node group {g.Name}: {g.Count} × {g.InstanceType} {capacity}{c.ClusterSuffix}",
                g.Count * c.Hours * c.Clusters, "node-hour", q.UsdPerHour, g.CapacityType == CapacityType.Spot ? "spot" : "compute",
                estimated: q.Estimated, note: q.Note);
            lines.Add(line);
            if (g.CapacityType == CapacityType.OnDemand)
            {
                onDemand.Add(line);
            }

            nodes += g.Count;
            nodeMillicores += g.Count * info.Vcpu * 1000L;
            nodeMiB += g.Count * info.MemoryMiB;
        }

        // A first check that the groups can hold the peak at all; allocatable and packing come with the packer.
        var peakMillicores = c.Spec.Services.Sum(s => s.MaxReplicas * s.Cpu.Value) + (nodes * c.Spec.Eks.DaemonSetOverhead.Cpu.Value);
        var peakMiB = c.Spec.Services.Sum(s => s.MaxReplicas * (long)s.Memory.MiB) + (nodes * (long)c.Spec.Eks.DaemonSetOverhead.Memory.MiB);
        if (peakMillicores > nodeMillicores || peakMiB > nodeMiB)
        {
            notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the node groups ({nodeMillicores / 1000m} vCPU, {nodeMiB / 1024m:0.#} GiB) are smaller than the peak requests plus DaemonSets ({peakMillicores / 1000m} vCPU, {peakMiB / 1024m:0.#} GiB): pods would stay pending"));
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Eks(c.Spec, c.Clusters, groups.Count)));
        return new CostOption(OptionId, "eks", "EKS with managed node groups", lines, notes, new SortedDictionary<string, decimal>(StringComparer.Ordinal));
    }
}
