using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>The pods of one hour of a Karpenter plan, packed in both modes under the plan's NodePools.</summary>
public sealed record HourPacking(int Hour, PodSet Pods, PackingResult Karpenter, PackingResult Berth);

/// <summary>Entry points: a plan's pods at an hour packed in either mode.</summary>
public static class Packer
{
    /// <summary>berth.yaml's general pool alone (no taints, spread or limits), as earlier releases packed it.</summary>
    public static NodeTypeTable Table(BerthSpec spec, PriceCatalog catalog) =>
        NodeTypeTable.Build(new PriceBook(catalog, spec.Pricing, spec.Region), spec.Eks.Karpenter, spec.Eks.DaemonSetOverhead);

    public static PackingResult Pack(NodeTypeTable table, PodSet pods, PackingMode mode) =>
        mode == PackingMode.Karpenter ? KarpenterPacker.Pack(table, pods) : BerthPacker.Pack(table, pods);

    /// <summary>The plan's pods at <paramref name="hour"/> (default: the hour with the most CPU requested), packed as Karpenter and as Berth would.</summary>
    public static HourPacking AtHour(KarpenterPlan plan, BerthSpec spec, int? hour = null)
    {
        var h = hour ?? ReplicaSchedule.PeakHour(spec);
        var problem = PackingProblem.From(plan);
        var pods = PodSet.AtHour(plan, h);
        var karpenter = KarpenterPacker.Pack(problem, pods);
        return new HourPacking(h, pods, karpenter, BerthPacker.Pack(problem, pods, karpenter));
    }
}
