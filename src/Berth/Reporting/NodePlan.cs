using Berth.Packing;

namespace Berth.Reporting;

/// <summary>The pods of the busiest hour packed as Karpenter would, as Berth would, and the LP lower bound of both.</summary>
public sealed record NodePlan(int Hour, PackingResult Karpenter, PackingResult Berth)
{
    public string HourText => PackFormats.HourOfWeek(Hour);

    /// <summary>Nodes of a plan grouped by instance type and capacity type, in first-seen order.</summary>
    public static IReadOnlyList<NodeGroup> Groups(PackingResult plan) =>
        plan.Nodes
            .GroupBy(n => (n.InstanceType, n.Capacity))
            .Select(g => new NodeGroup(
                g.Key.InstanceType,
                g.Key.Capacity == Spec.CapacityType.Spot ? "spot" : "on-demand",
                g.Count(),
                g.Sum(n => n.Used.Pods),
                g.Sum(n => n.HourlyUsd),
                g.Sum(n => (double)n.Used.CpuMillicores) / Math.Max(1, g.Sum(n => (double)n.Allocatable.CpuMillicores)),
                g.Sum(n => (double)n.Used.MemoryMiB) / Math.Max(1, g.Sum(n => (double)n.Allocatable.MemoryMiB))))
            .ToArray();
}

/// <summary>Nodes of one instance type and capacity type in a plan, with their summed cost and pooled utilisation.</summary>
public sealed record NodeGroup(string InstanceType, string Capacity, int Nodes, int Pods, decimal HourlyUsd, double CpuUtilisation, double MemoryUtilisation);
