using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Packing;

public sealed class PackingPropertyTests
{
    internal static readonly NodeTypeTable Table = Packer.Table(Specs.With("  - { name: api }"), PriceCatalog.Embedded);

    internal static PodSet RandomPods(int seed, int count)
    {
        var random = new Random(seed);
        var pods = new Pod[count];
        for (var i = 0; i < count; i++)
        {
            pods[i] = new Pod(
                i % 7,
                random.Next(1, 41) * 100,               // 100m .. 4 vCPU
                random.Next(1, 129) * 128,              // 128 Mi .. 16 Gi
                random.Next(4) == 0 ? CpuArch.Arm64 : CpuArch.X64,
                random.Next(3) != 0);
        }

        return new PodSet(Enumerable.Range(0, 7).Select(i => $"svc-{i}").ToArray(), pods);
    }

    private static bool Valid(PackingResult r)
    {
        var seen = new int[r.PodSet.Pods.Count];
        foreach (var n in r.Nodes)
        {
            var used = default(Resources);
            foreach (var p in n.Pods)
            {
                seen[p]++;
                var pod = r.PodSet.Pods[p];
                used += pod.Requests;
                if (pod.Arch != Table.Types[n.Type].Arch || (n.Capacity == CapacityType.Spot && !pod.SpotOk))
                {
                    return false;
                }
            }

            if (used != n.Used || !Table.Allocatable[n.Type].Holds(used) || n.Allocatable != Table.Allocatable[n.Type])
            {
                return false;
            }
        }

        foreach (var p in r.Unschedulable)
        {
            seen[p]++;
        }

        return seen.All(s => s == 1);
    }

    [Property(MaxTest = 40)]
    public Property Every_pod_is_placed_once_and_no_node_is_over_its_allocatable()
    {
        var gen = Gen.Choose(0, 1_000_000).SelectMany(seed => Gen.Choose(1, 300).Select(n => (seed, n)));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var pods = RandomPods(g.seed, g.n);
            var karpenter = KarpenterPacker.Pack(Table, pods);
            var berth = BerthPacker.Pack(Table, pods, karpenter);
            return Valid(karpenter) && Valid(berth);
        });
    }

    [Property(MaxTest = 40)]
    public Property Packings_cost_at_least_the_lower_bound_and_berth_mode_never_more_than_karpenter()
    {
        var gen = Gen.Choose(0, 1_000_000).SelectMany(seed => Gen.Choose(1, 300).Select(n => (seed, n)));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var pods = RandomPods(g.seed, g.n);
            var karpenter = KarpenterPacker.Pack(Table, pods);
            var berth = BerthPacker.Pack(Table, pods, karpenter);
            const double tolerance = 1e-6;
            return (double)karpenter.HourlyUsd >= karpenter.LowerBoundHourlyUsd - tolerance
                && (double)berth.HourlyUsd >= berth.LowerBoundHourlyUsd - tolerance
                && berth.HourlyUsd <= karpenter.HourlyUsd;
        });
    }

    [Fact]
    public void The_same_input_gives_the_same_plan_byte_for_byte()
    {
        var pods = RandomPods(42, 500);

        var first = PackFormats.ToJson(BerthPacker.Pack(Table, pods), 0) + PackFormats.ToJson(KarpenterPacker.Pack(Table, pods), 0);
        var second = PackFormats.ToJson(BerthPacker.Pack(Table, RandomPods(42, 500)), 0) + PackFormats.ToJson(KarpenterPacker.Pack(Table, RandomPods(42, 500)), 0);

        second.ShouldBe(first);
    }

    [Fact]
    public void Berth_mode_closes_most_of_the_gap_on_a_large_mix()
    {
        var pods = RandomPods(7, 3000);

        var karpenter = KarpenterPacker.Pack(Table, pods);
        var berth = BerthPacker.Pack(Table, pods, karpenter);

        berth.Gap.ShouldBeLessThan(0.05, $"Berth mode {berth.HourlyUsd}/h vs lower bound {berth.LowerBoundHourlyUsd}/h");
        berth.HourlyUsd.ShouldBeLessThanOrEqualTo(karpenter.HourlyUsd);
    }
}
