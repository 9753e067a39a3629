using Berth.Catalog;
using Berth.Costing;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>
/// The instance types a NodePool allows, as flat arrays: allocatable after DaemonSet overhead, and hourly prices in
/// the spec's region. Built once per (catalog, region, NodePool) and shared by every packing of it.
/// </summary>
public sealed class NodeTypeTable
{
    /// <summary>DaemonSet pods on every node (aws-node and kube-proxy at least): they take pod slots too.</summary>
    public const int DaemonSetPods = 2;

    private NodeTypeTable(
        InstanceTypeInfo[] types,
        Resources[] allocatable,
        decimal[] onDemand,
        decimal?[] spot,
        PriceQuote[] onDemandQuotes,
        PriceQuote?[] spotQuotes,
        bool onDemandAllowed,
        bool spotAllowed)
    {
        Types = types;
        Allocatable = allocatable;
        OnDemandUsd = onDemand;
        SpotUsd = spot;
        OnDemandQuotes = onDemandQuotes;
        SpotQuotes = spotQuotes;
        OnDemandAllowed = onDemandAllowed;
        SpotAllowed = spotAllowed;
    }

    public int Count => Types.Length;

    public InstanceTypeInfo[] Types { get; }

    /// <summary>Allocatable per type after the DaemonSets' CPU, memory and pods.</summary>
    public Resources[] Allocatable { get; }

    public decimal[] OnDemandUsd { get; }

    /// <summary>Spot price per type, or null where the catalog has none.</summary>
    public decimal?[] SpotUsd { get; }

    public PriceQuote[] OnDemandQuotes { get; }

    public PriceQuote?[] SpotQuotes { get; }

    public bool OnDemandAllowed { get; }

    public bool SpotAllowed { get; }

    public decimal Price(int type, CapacityType capacity) =>
        capacity == CapacityType.Spot ? SpotUsd[type] ?? OnDemandUsd[type] : OnDemandUsd[type];

    public bool Offers(int type, CapacityType capacity) =>
        capacity == CapacityType.Spot ? SpotAllowed && SpotUsd[type] is not null : OnDemandAllowed;

    /// <summary>
    /// The NodePool's requirements (instance category, CPU, family, generation, arch) over the catalog; GPU,
    /// accelerator and bare-metal types are left out unless a requirement names their category or family, as the
    /// default NodePools of Karpenter's docs do.
    /// </summary>
    public static NodeTypeTable Build(PriceBook prices, KarpenterSpec pool, ResourceOverhead daemonSets)
    {
        var overhead = new Resources(daemonSets.Cpu.Value, (long)Math.Ceiling(daemonSets.Memory.MiB), DaemonSetPods);
        var types = new List<InstanceTypeInfo>();
        var alloc = new List<Resources>();
        var od = new List<decimal>();
        var spot = new List<decimal?>();
        var odQuotes = new List<PriceQuote>();
        var spotQuotes = new List<PriceQuote?>();
        var spotAllowed = pool.CapacityTypes.Contains(CapacityType.Spot);
        foreach (var t in prices.Catalog.Instances)
        {
            if (!Allowed(t, pool))
            {
                continue;
            }

            var a = Packing.Allocatable.For(t) - overhead;
            if (a.CpuMillicores <= 0 || a.MemoryMiB <= 0 || a.Pods <= 0)
            {
                continue;
            }

            if (prices.Ec2(t.Name, CapacityType.OnDemand) is not { } onDemand)
            {
                continue;
            }

            var s = spotAllowed ? prices.Ec2(t.Name, CapacityType.Spot) : null;
            types.Add(t);
            alloc.Add(a);
            od.Add(onDemand.UsdPerHour);
            odQuotes.Add(onDemand);
            spot.Add(s?.UsdPerHour);
            spotQuotes.Add(s);
        }

        return new NodeTypeTable([.. types], [.. alloc], [.. od], [.. spot], [.. odQuotes], [.. spotQuotes],
            pool.CapacityTypes.Contains(CapacityType.OnDemand), spotAllowed);
    }

    private static bool Allowed(InstanceTypeInfo t, KarpenterSpec pool)
    {
        var named = pool.InstanceFamilies.Contains(t.Family, StringComparer.Ordinal);
        if ((t.GpuCount > 0 || t.NeuronCount > 0 || t.BareMetal) && !named)
        {
            return false;
        }

        return pool.InstanceCategories.Contains(t.Category, StringComparer.Ordinal)
            && (pool.InstanceCpu.Count == 0 || pool.InstanceCpu.Contains(t.Vcpu))
            && (pool.InstanceFamilies.Count == 0 || named)
            && (pool.InstanceGenerations.Count == 0 || pool.InstanceGenerations.Contains(t.Generation))
            && pool.Arch.Contains(t.Arch);
    }
}
