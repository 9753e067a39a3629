using Berth.Spec;

namespace Berth.Catalog;

/// <summary>Facts about one EC2 instance type (Karpenter's instance-types reference and VPC limits).</summary>
public sealed record InstanceTypeInfo(
    string Name,
    int Vcpu,
    long MemoryMiB,
    CpuArch Arch,
    string Family,
    string Category,
    int Generation,
    string Size,
    string Hypervisor,
    bool BareMetal,
    int GpuCount,
    int NeuronCount,
    bool Efa,
    int? DefaultCardEnis,
    int? Ipv4PerEni,
    int? EniMaxPods,
    string GpuName = "")
{
    /// <summary>Karpenter's <c>karpenter.k8s.aws/instance-gpu-name</c> label value: the part after the manufacturer (l4, a10g, t4).</summary>
    public string GpuModel => GpuName.Split('-', 2) is [_, var model] ? model : GpuName;

    /// <summary>Karpenter's <c>karpenter.k8s.aws/instance-gpu-manufacturer</c> label value (nvidia, amd), empty without GPUs.</summary>
    public string GpuManufacturer => GpuName.Split('-', 2) is [var maker, _] ? maker : "";
}

/// <summary>A Linux on-demand price per hour for one instance type in one region.</summary>
public sealed record Ec2PriceRow(string Region, string InstanceType, decimal UsdPerHour, PriceSource Source);

/// <summary>Where a price came from, its date, and whether it can be taken as today's price (else Berth estimates and says so).</summary>
public sealed record PriceSource(string Text, string AsOf, bool Current);

/// <summary>Spot Instance Advisor facts: savings versus on-demand and the interruption band (0: &lt;5% … 4: &gt;20% a month).</summary>
public sealed record SpotAdvisorRow(string Region, string InstanceType, int SavingsPct, int InterruptionBucket, PriceSource Source);

/// <summary>Fargate Linux prices for one region and architecture; Spot prices are absent where AWS publishes none.</summary>
public sealed record FargatePriceRow(
    string Region,
    CpuArch Arch,
    decimal VcpuHour,
    decimal GbHour,
    decimal? SpotVcpuHour,
    decimal? SpotGbHour,
    decimal StorageGbHour,
    PriceSource Source);

/// <summary>A valid Fargate task size: CPU units (1024 = 1 vCPU) and memory in MiB.</summary>
public sealed record FargateSize(int CpuUnits, int MemoryMiB)
{
    public decimal Vcpu => CpuUnits / 1024m;

    public decimal MemoryGb => MemoryMiB / 1024m;
}

public sealed record ControlPlanePrice(SupportTier Tier, decimal UsdPerHour, PriceSource Source);

/// <summary>An EBS volume price per GB-month (node root volumes).</summary>
public sealed record StoragePrice(string Region, string VolumeType, decimal UsdPerGbMonth, PriceSource Source);

/// <summary>Everything a catalog file holds, as plain rows. PriceCatalog indexes it for lookups.</summary>
public sealed record CatalogData(
    string ReferenceRegion,
    IReadOnlyList<InstanceTypeInfo> Instances,
    IReadOnlyList<Ec2PriceRow> Ec2,
    IReadOnlyList<SpotAdvisorRow> Spot,
    IReadOnlyList<FargatePriceRow> Fargate,
    IReadOnlyList<FargateSize> FargateSizes,
    IReadOnlyList<ControlPlanePrice> ControlPlane,
    IReadOnlyList<StoragePrice> Storage)
{
    public const int FormatVersion = 1;

    /// <summary>The newest as-of date of any row: what outputs quote as the catalog's date.</summary>
    public string AsOf => Ec2.Select(r => r.Source.AsOf)
        .Concat(Fargate.Select(r => r.Source.AsOf))
        .Concat(ControlPlane.Select(r => r.Source.AsOf))
        .DefaultIfEmpty("unknown")
        .Max(StringComparer.Ordinal) ?? "unknown";

    /// <summary>Rows sorted the one way the file is written, so the same facts always give the same bytes.</summary>
    public CatalogData Normalized() => this with
    {
        Instances = Instances.OrderBy(i => i.Name, StringComparer.Ordinal).ToArray(),
        Ec2 = Ec2.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.InstanceType, StringComparer.Ordinal).ToArray(),
        Spot = Spot.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.InstanceType, StringComparer.Ordinal).ToArray(),
        Fargate = Fargate.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Arch).ToArray(),
        FargateSizes = FargateSizes.OrderBy(s => s.CpuUnits).ThenBy(s => s.MemoryMiB).ToArray(),
        ControlPlane = ControlPlane.OrderBy(c => c.Tier).ToArray(),
        Storage = Storage.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.VolumeType, StringComparer.Ordinal).ToArray(),
    };
}
