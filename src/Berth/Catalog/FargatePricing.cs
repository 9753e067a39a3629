using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// A Fargate task (or EKS Fargate pod) as it is billed: the valid size its request rounds up to, the price of that
/// size per hour on FARGATE and on FARGATE_SPOT, and the ephemeral storage above the free 20 GB, per task-hour.
/// The Compute Savings Plan is not applied here: it is a discount line of the bill.
/// </summary>
/// <param name="Size">The smallest-priced valid size whose CPU and memory hold the request.</param>
/// <param name="Quote">The Fargate prices for the task's architecture, with their sources.</param>
/// <param name="OnDemandUsdPerHour">The size's price per hour on FARGATE.</param>
/// <param name="SpotUsdPerHour">The size's price per hour on FARGATE_SPOT.</param>
/// <param name="ExtraStorageGb">Billed ephemeral storage: whole GB requested above the free 20 GB.</param>
/// <param name="OnDemandWastePerHour">What rounding the request up to the size costs per hour on FARGATE.</param>
/// <param name="SpotWastePerHour">The same on FARGATE_SPOT.</param>
public sealed record FargateTask(
    FargateSize Size,
    FargateQuote Quote,
    decimal OnDemandUsdPerHour,
    decimal SpotUsdPerHour,
    int ExtraStorageGb,
    decimal OnDemandWastePerHour,
    decimal SpotWastePerHour)
{
    /// <summary>The extra ephemeral storage's price per task-hour.</summary>
    public decimal StorageUsdPerHour => ExtraStorageGb * Quote.StorageGb.UsdPerHour;

    public string SizeText => FargateSizing.Describe(Size);
}

/// <summary>The one place Berth prices a Fargate task (DOMAIN.md §3): ECS tasks and EKS Fargate pods both come here.</summary>
public static class FargatePricing
{
    /// <summary>Fargate includes 20 GB of ephemeral storage per task; more (up to 200 GB) is billed per GB-hour.</summary>
    public const int FreeStorageGb = 20;

    /// <summary>What EKS adds to every Fargate pod's memory for kubelet, kube-proxy and containerd (EKS user guide, Fargate pod configuration).</summary>
    public static readonly ByteSize EksPodOverhead = ByteSize.FromMiB(256);

    /// <summary>
    /// The task a request is billed as, or null when no Fargate size holds it (larger than 16 vCPU / 120 GB).
    /// <paramref name="storage"/> is the ephemeral storage the task is given (Fargate's 20 GB when the spec asks for none).
    /// </summary>
    public static FargateTask? Task(PriceBook prices, CpuArch arch, Millicores cpu, ByteSize memory, ByteSize storage)
    {
        var q = prices.Fargate(arch);
        var size = FargateSizing.Choose(prices.Catalog.FargateSizes, cpu, memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
        if (size is null)
        {
            return null;
        }

        var extraGb = (int)Math.Max(0, Math.Ceiling(storage.Bytes / (decimal)ByteSize.GiBBytes) - FreeStorageGb);
        return new FargateTask(
            size,
            q,
            FargateSizing.HourlyUsd(size, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour),
            FargateSizing.HourlyUsd(size, q.SpotVcpu.UsdPerHour, q.SpotGb.UsdPerHour),
            extraGb,
            FargateSizing.WastePerHour(size, cpu, memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour),
            FargateSizing.WastePerHour(size, cpu, memory, q.SpotVcpu.UsdPerHour, q.SpotGb.UsdPerHour));
    }

    /// <summary>An EKS Fargate pod: its requests plus 256 MB, on x86_64 (EKS on Fargate runs no Arm pods).</summary>
    public static FargateTask? EksPod(PriceBook prices, Millicores cpu, ByteSize memory, ByteSize storage) =>
        Task(prices, CpuArch.X64, cpu, new ByteSize(memory.Bytes + EksPodOverhead.Bytes), storage);

    /// <summary>Fargate's largest task, for messages.</summary>
    public static string Largest(IReadOnlyList<FargateSize> sizes) =>
        sizes.Count == 0 ? "none" : FargateSizing.Describe(sizes.MaxBy(s => (s.CpuUnits, s.MemoryMiB))!);
}
