using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

public sealed class SimulationDeterminismTests
{
    private static readonly Berth.Spec.BerthSpec Spec = Specs.With("""
          - { name: web, cpu: 500m, memory: 1Gi, scaling: { min: 2, max: 10 }, demand: spiky, spot: true }
          - { name: api, cpu: 1, memory: 2Gi, scaling: { min: 1, max: 6 }, demand: business-hours }
        """, "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE_SPOT, weight: 1 }\neks:\n  nodeGroups:\n    - { name: general, instanceType: m5.large, count: 2, capacityType: spot }");

    private static string Json(SimulationOptions o)
    {
        var report = SimulationRunner.Run(Spec, PriceCatalog.Embedded, o);
        return SimulationFormats.ToJson(report) + SimulationFormats.ToCsv(report);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_whatever_the_thread_count()
    {
        var options = new SimulationOptions(Days: 1, Runs: 4, Seed: 7) { SpotMonthlyRate = 2, TimeSeries = true };

        var one = Json(options with { MaxDegreeOfParallelism = 1 });
        var two = Json(options with { MaxDegreeOfParallelism = 2 });
        var again = Json(options with { MaxDegreeOfParallelism = 2 });

        two.ShouldBe(one);
        again.ShouldBe(one);
        Json(options with { Seed = 8 }).ShouldNotBe(one);
    }

    [Fact]
    public void Runs_differ_from_each_other_and_percentiles_order()
    {
        var report = SimulationRunner.Run(Spec, PriceCatalog.Embedded, new SimulationOptions(Days: 1, Runs: 3, Seed: 1));

        report.Runs.Select(r => r[0].DemandedVcpuSeconds).Distinct().Count().ShouldBe(3);
        foreach (var s in report.Summaries)
        {
            s.MonthlyUsd.P95.ShouldBeGreaterThanOrEqualTo(s.MonthlyUsd.P50);
        }

        Percentiles.Of([1, 2, 3, 4, 5]).ShouldBe(new Percentiles(3, 4.8) { Min = 1, Max = 5 });
    }
}
