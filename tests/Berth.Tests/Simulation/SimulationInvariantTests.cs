using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

public sealed class SimulationInvariantTests
{
    private const string Services = """
          - { name: web, cpu: 500m, memory: 1Gi, scaling: { min: 2, max: 12 }, demand: business-hours, spot: true }
          - { name: burst, cpu: 1, memory: 2Gi, scaling: { min: 1, max: 8, cpuTarget: 60 }, demand: spiky, spot: true, gracefulShutdown: false }
          - { name: batch, cpu: 2, memory: 4Gi, scaling: { min: 0, max: 6 }, demand: nightly-batch }
          - { name: db-proxy, cpu: 250m, memory: 512Mi, replicas: 2 }
        """;

    private const string Strategy = "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE, base: 1, weight: 1 }\n    - { provider: FARGATE_SPOT, weight: 3 }";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1234)]
    public void Cost_is_the_integral_of_running_capacity_and_capacity_is_never_negative(int seed)
    {
        var report = SimulationRunner.Run(Specs.With(Services, Strategy), PriceCatalog.Embedded,
            new SimulationOptions(Days: 1, Seed: seed) { TimeSeries = true, SpotMonthlyRate = 3 });

        foreach (var run in report.Runs[0])
        {
            var ledger = run.Ledger.Sum(e => (e.Stop - e.Start) * e.UsdPerHour / 3600.0);
            run.Ledger.ShouldAllBe(e => e.Stop >= e.Start && e.Stop <= 86_400);
            run.CostUsd.ShouldBe(ledger, 1e-6 * Math.Max(1, ledger));
            run.MonthlyUsd.ShouldBe(run.CostUsd * 730 / 24, 1e-6 * run.MonthlyUsd);
            run.TimeSeries.Count.ShouldBe(24 * 60);
            run.TimeSeries.ShouldAllBe(p => p.ServingVcpu >= 0 && p.RunningUnits >= 0 && p.DemandVcpu >= 0);
            run.TimeSeries.Select(p => p.CostUsd).ShouldBeInOrder();
            run.ServedVcpuSeconds.ShouldBeLessThanOrEqualTo(run.DemandedVcpuSeconds + 1e-6);
            run.UnservedDemandPct.ShouldBeInRange(0, 100);
        }
    }

    [Fact]
    public void Every_option_sees_the_same_demand()
    {
        var report = SimulationRunner.Run(Specs.With(Services, Strategy), PriceCatalog.Embedded, new SimulationOptions(Days: 1));
        var runs = report.Runs[0];

        runs.Select(r => r.Id).ShouldBe(["ecs-fargate", "eks-karpenter", "eks-fargate"]);
        runs.ShouldAllBe(r => Math.Abs(r.DemandedVcpuSeconds - runs[0].DemandedVcpuSeconds) <= 1e-6 * runs[0].DemandedVcpuSeconds);
    }

    [Fact]
    public void The_event_calendar_orders_by_time_then_priority_then_insertion()
    {
        var calendar = new EventCalendar();
        calendar.Schedule(10, new SimEvent(EventKind.ConsolidationCheck, 1));
        calendar.Schedule(10, new SimEvent(EventKind.UnitReady, 2));
        calendar.Schedule(5, new SimEvent(EventKind.Provision, 3));
        calendar.Schedule(10, new SimEvent(EventKind.UnitReady, 4));
        calendar.Schedule(99, new SimEvent(EventKind.MinuteTick, 5));

        var order = new List<int>();
        while (calendar.TryNext(50, out _, out var e))
        {
            order.Add(e.Target);
        }

        order.ShouldBe([3, 2, 4, 1]);
        calendar.Count.ShouldBe(1);
    }
}
