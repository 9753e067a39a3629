using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>A NodePool as the scheduler reads it: its instance types, taints and limits.</summary>
public sealed record PoolSpec(string Name, int Weight, NodeTypeTable Table, IReadOnlyList<Taint> Taints, PoolLimits? Limits);

/// <summary>
/// What the scheduler needs of a workload: its image architecture, the pools whose taints it tolerates and whose labels
/// its node selector matches (in the order Karpenter tries them), a required on-demand capacity type, a preferred
/// Spot capacity type, and a zone topology spread's maxSkew (0: none).
/// </summary>
public sealed record WorkloadSpec(string Name, CpuArch Arch, IReadOnlyList<int> Pools, bool RequireOnDemand, bool PreferSpot, int ZoneMaxSkew);

/// <summary>The NodePools and the workloads' constraints one packing runs under.</summary>
public sealed record PackingProblem(IReadOnlyList<PoolSpec> Pools, IReadOnlyList<WorkloadSpec> Workloads, IReadOnlyList<string> Zones)
{
    /// <summary>A plan's NodePools and workloads; compatibility is read off the plan's taints, tolerations, labels and selectors.</summary>
    public static PackingProblem From(KarpenterPlan plan)
    {
        var pools = plan.Pools.Select(p => new PoolSpec(p.Name, p.Weight, p.Types, p.Taints, p.Limits)).ToArray();
        var workloads = plan.Workloads.Select(w => new WorkloadSpec(
            w.Name,
            w.Service.Arch,
            Enumerable.Range(0, plan.Pools.Count).Where(i => Compatible(w, plan.Pools[i])).ToArray(),
            w.NodeSelector.TryGetValue(Labels.CapacityType, out var c) && c == Labels.OnDemand,
            w.Preferred.Any(t => t.Key == Labels.CapacityType && t.Values.Contains(Labels.Spot)),
            w.Spread.Where(s => s.TopologyKey == Labels.Zone).Select(s => s.MaxSkew).DefaultIfEmpty(0).First())).ToArray();
        return new PackingProblem(pools, workloads, plan.Zones);
    }

    /// <summary>One pool with no taints, limits or zones: each service of the pod set is a workload needing on-demand
    /// capacity unless its pods tolerate Spot.</summary>
    public static PackingProblem OnePool(NodeTypeTable table, PodSet set)
    {
        var first = new Pod?[set.Services.Count];
        foreach (var p in set.Pods)
        {
            first[p.Service] ??= p;
        }

        var workloads = set.Services.Select((name, i) => new WorkloadSpec(
            name, first[i]?.Arch ?? CpuArch.X64, [0], !(first[i]?.SpotOk ?? true), false, 0)).ToArray();
        return new PackingProblem([new PoolSpec("default", 0, table, [], null)], workloads, ["any"]);
    }

    /// <summary>
    /// Whether a workload may schedule onto a pool's nodes: it tolerates every taint (nodeclaim.go CanAdd, via
    /// scheduling.Taints.ToleratesPod) and each node-selector label is one the pool's nodes carry: a template label
    /// with the same value, or a requirement that allows the value (arch, capacity type).
    /// </summary>
    public static bool Compatible(WorkloadPlan w, NodePoolPlan pool)
    {
        if (!Toleration.ToleratesAll(w.Tolerations, pool.Taints))
        {
            return false;
        }

        foreach (var (key, value) in w.NodeSelector)
        {
            var ok = key switch
            {
                Labels.Arch => pool.Requirements.Arch.Any(a => (a == CpuArch.Arm64 ? "arm64" : "amd64") == value),
                Labels.CapacityType => pool.Requirements.CapacityTypes.Any(c => (c == CapacityType.Spot ? Labels.Spot : Labels.OnDemand) == value),
                _ => pool.Labels.TryGetValue(key, out var v) && v == value,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a workload's pods may run on Spot: its pool offers Spot and it does not require on-demand.</summary>
    public static bool SpotOk(KarpenterPlan plan, WorkloadPlan w) =>
        plan.Pools.Any(p => p.Name == w.Pool && p.Requirements.CapacityTypes.Contains(CapacityType.Spot))
        && !(w.NodeSelector.TryGetValue(Labels.CapacityType, out var c) && c == Labels.OnDemand);
}
