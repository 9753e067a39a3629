using Berth.Formatting;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>Fargate bills the task size, not the request: a request between sizes is rounded up (DOMAIN.md §3).</summary>
public static class FargateSizing
{
    /// <summary>
    /// The cheapest valid size whose CPU and memory both hold the request (ties: fewer CPU units, then less memory);
    /// null when no Fargate size is big enough.
    /// </summary>
    public static FargateSize? Choose(IReadOnlyList<FargateSize> sizes, Millicores cpu, ByteSize memory, decimal vcpuHour, decimal gbHour)
    {
        FargateSize? best = null;
        var bestCost = decimal.MaxValue;
        foreach (var size in sizes)
        {
            if (size.CpuUnits * 1000L < cpu.Value * 1024L || size.MemoryMiB * ByteSize.MiBBytes < memory.Bytes)
            {
                continue;
            }

            var cost = HourlyUsd(size, vcpuHour, gbHour);
            if (cost < bestCost || (cost == bestCost && best is not null && (size.CpuUnits, size.MemoryMiB).CompareTo((best.CpuUnits, best.MemoryMiB)) < 0))
            {
                best = size;
                bestCost = cost;
            }
        }

        return best;
    }

    public static decimal HourlyUsd(FargateSize size, decimal vcpuHour, decimal gbHour) =>
        (size.Vcpu * vcpuHour) + (size.MemoryGb * gbHour);

    /// <summary>What the rounding up costs per task-hour: the size's price less the request's.</summary>
    public static decimal WastePerHour(FargateSize size, Millicores cpu, ByteSize memory, decimal vcpuHour, decimal gbHour) =>
        ((size.Vcpu - (cpu.Value / 1000m)) * vcpuHour) + ((size.MemoryGb - (memory.Bytes / (decimal)ByteSize.GiBBytes)) * gbHour);

    public static string Describe(FargateSize size) =>
        $"{Fmt.Number(size.Vcpu)} vCPU / {Fmt.Number(size.MemoryGb)} GB";
}
