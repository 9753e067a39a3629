using System.Globalization;
using Berth.Catalog;
using Berth.Costing;
using Berth.Spec;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Costing;

public sealed class CostPropertyTests
{
    private static readonly IReadOnlyList<FargateSize> Sizes = PriceCatalog.Embedded.FargateSizes;

    [Property(MaxTest = 300)]
    public Property The_chosen_fargate_size_holds_the_request_and_no_cheaper_size_does()
    {
        var requests = Gen.Choose(1, 16_000).SelectMany(cpu => Gen.Choose(16, 120 * 1024).Select(mem => (cpu, mem)));
        return Prop.ForAll(requests.ToArbitrary(), r =>
        {
            var cpu = new Millicores(r.cpu);
            var memory = ByteSize.FromMiB(r.mem);
            var size = FargateSizing.Choose(Sizes, cpu, memory, 0.04048m, 0.004445m);
            var fits = Sizes.Where(s => s.CpuUnits * 1000L >= r.cpu * 1024L && s.MemoryMiB >= r.mem).ToArray();
            if (fits.Length == 0)
            {
                return size is null;
            }

            var cost = FargateSizing.HourlyUsd(size!, 0.04048m, 0.004445m);
            return size is not null
                && size.CpuUnits * 1000L >= r.cpu * 1024L
                && size.MemoryMiB >= r.mem
                && fits.All(s => FargateSizing.HourlyUsd(s, 0.04048m, 0.004445m) >= cost);
        });
    }

    [Property(MaxTest = 60)]
    public Property Every_total_is_the_sum_of_its_line_items_and_cost_grows_with_replicas()
    {
        var gen = Gen.Choose(1, 30).SelectMany(replicas => Gen.Choose(1, 8).Select(cpuQuarter => (replicas, cpuQuarter)));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            BerthSpec Spec(int replicas) => Specs.With(
                string.Create(CultureInfo.InvariantCulture, $"  - {{ name: api, cpu: {g.cpuQuarter * 250}m, memory: 1Gi, replicas: {replicas}, spot: true }}"),
                "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE, base: 1, weight: 1 }\n    - { provider: FARGATE_SPOT, weight: 3 }\n"
                + "eks:\n  nodeGroups:\n    - { name: g, instanceType: m5.large, count: 2 }\nclients: [a, b]");
            var now = CostEngine.Estimate(Spec(g.replicas), PriceCatalog.Embedded).Options;
            var more = CostEngine.Estimate(Spec(g.replicas + 1), PriceCatalog.Embedded).Options;
            return now.All(o => o.MonthlyUsd == o.LineItems.Sum(l => l.MonthlyUsd))
                && now.Zip(more).All(p => p.Second.MonthlyUsd >= p.First.MonthlyUsd);
        });
    }
}
