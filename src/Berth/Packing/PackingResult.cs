using Berth.Catalog;
using Berth.Spec;

namespace Berth.Packing;

public enum PackingMode
{
    Karpenter,
    Berth,
}

/// <summary>One node of a plan: its type and capacity type, price, allocatable (after DaemonSets) and the pods on it.</summary>
public sealed record PackedNode(int Type, string InstanceType, CapacityType Capacity, decimal HourlyUsd, Resources Allocatable, Resources Used, IReadOnlyList<int> Pods)
{
    /// <summary>The NodePool that launched the node.</summary>
    public string Pool { get; init; } = "default";

    /// <summary>Its availability zone, or empty when nothing pins one (any of the plan's zones).</summary>
    public string Zone { get; init; } = "";

    public double CpuUtilisation => Allocatable.CpuMillicores == 0 ? 0 : Used.CpuMillicores / (double)Allocatable.CpuMillicores;

    public double MemoryUtilisation => Allocatable.MemoryMiB == 0 ? 0 : Used.MemoryMiB / (double)Allocatable.MemoryMiB;

    public double PodUtilisation => Allocatable.Pods == 0 ? 0 : Used.Pods / (double)Allocatable.Pods;
}

/// <summary>A packing of a pod set: nodes, their hourly cost, the LP lower bound, and pods no allowed type can hold.</summary>
public sealed record PackingResult(
    PackingMode Mode,
    PodSet PodSet,
    IReadOnlyList<PackedNode> Nodes,
    double LowerBoundHourlyUsd,
    IReadOnlyList<int> Unschedulable)
{
    /// <summary>Pods left pending because launching their node would take a NodePool past its limits (a subset of <see cref="Unschedulable"/>).</summary>
    public IReadOnlyList<int> OverLimit { get; init; } = [];

    public decimal HourlyUsd => Nodes.Sum(n => n.HourlyUsd);

    /// <summary>How far above the lower bound this plan is, as a fraction (0.05 = 5%).</summary>
    public double Gap => LowerBoundHourlyUsd <= 0 ? 0 : ((double)HourlyUsd / LowerBoundHourlyUsd) - 1;
}
