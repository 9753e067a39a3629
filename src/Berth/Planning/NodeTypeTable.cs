using Berth.Catalog;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// A NodePool's requirements on instance types, as its manifest writes them. GPU, accelerator and bare-metal types are
/// left out unless the pool asks for GPUs or names their family, as the default NodePools of Karpenter's docs do; the
/// first two instance generations are left out unless generations are named (<c>instance-generation Gt 2</c>).
/// </summary>
public sealed record PoolRequirements(
    IReadOnlyList<CapacityType> CapacityTypes,
    IReadOnlyList<CpuArch> Arch,
    IReadOnlyList<string> Categories,
    IReadOnlyList<int> Cpus,
    IReadOnlyList<string> Families,
    IReadOnlyList<int> Generations,
    IReadOnlyList<string> GpuManufacturers,
    IReadOnlyList<string> GpuNames)
{
    /// <summary>Generations at or below this are left out when none are named (m1, c1, m2…: slower and dearer per vCPU).</summary>
    public const int GenerationGreaterThan = 2;

    /// <summary>A pool of GPU instance types.</summary>
    public bool Gpu => GpuManufacturers.Count > 0;

    /// <summary>The general pool berth.yaml's <c>eks.karpenter</c> describes.</summary>
    public static PoolRequirements From(KarpenterSpec k) =>
        new(k.CapacityTypes, k.Arch, k.InstanceCategories, k.InstanceCpu, k.InstanceFamilies, k.InstanceGenerations, [], []);

    public bool Allows(InstanceTypeInfo t)
    {
        if (!Arch.Contains(t.Arch))
        {
            return false;
        }

        var generationOk = Generations.Count == 0 ? t.Generation > GenerationGreaterThan : Generations.Contains(t.Generation);
        if (Gpu)
        {
            return t.GpuCount > 0 && !t.BareMetal
                && GpuManufacturers.Contains(t.GpuManufacturer, StringComparer.Ordinal)
                && (GpuNames.Count == 0 || GpuNames.Contains(t.GpuModel, StringComparer.Ordinal))
                && (Categories.Count == 0 || Categories.Contains(t.Category, StringComparer.Ordinal))
                && generationOk;
        }

        var named = Families.Contains(t.Family, StringComparer.Ordinal);
        if ((t.GpuCount > 0 || t.NeuronCount > 0 || t.BareMetal) && !named)
        {
            return false;
        }

        return (Categories.Count == 0 || Categories.Contains(t.Category, StringComparer.Ordinal))
            && (Cpus.Count == 0 || Cpus.Contains(t.Vcpu))
            && (Families.Count == 0 || named)
            && generationOk;
    }
}

/// <summary>
/// The instance types a NodePool allows, as flat arrays: allocatable after DaemonSet overhead (with the pool's root
/// volume for ephemeral storage), and hourly prices in the spec's region. Built once per plan and shared by every
/// packing of it.
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

    /// <summary>The index of a type by name, or -1.</summary>
    public int IndexOf(string instanceType) => Array.FindIndex(Types, t => t.Name == instanceType);

    /// <summary>DaemonSet overhead as a node sees it: the spec's CPU and memory on every node, and their pods.</summary>
    public static Resources Overhead(ResourceOverhead daemonSets) =>
        new(daemonSets.Cpu.Value, (long)Math.Ceiling(daemonSets.Memory.MiB), DaemonSetPods);

    /// <summary>berth.yaml's general pool on Karpenter's default 20 GiB root volume.</summary>
    public static NodeTypeTable Build(PriceBook prices, KarpenterSpec pool, ResourceOverhead daemonSets) =>
        Build(prices, PoolRequirements.From(pool), Overhead(daemonSets), Catalog.Allocatable.DefaultRootVolumeGiB);

    public static NodeTypeTable Build(PriceBook prices, PoolRequirements pool, Resources overhead, int rootVolumeGiB)
    {
        var types = new List<InstanceTypeInfo>();
        var alloc = new List<Resources>();
        var od = new List<decimal>();
        var spot = new List<decimal?>();
        var odQuotes = new List<PriceQuote>();
        var spotQuotes = new List<PriceQuote?>();
        var spotAllowed = pool.CapacityTypes.Contains(CapacityType.Spot);
        foreach (var t in prices.Catalog.Instances)
        {
            if (!pool.Allows(t))
            {
                continue;
            }

            var a = Catalog.Allocatable.For(t, rootVolumeGiB) - overhead;
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
}
