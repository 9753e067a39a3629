using Berth.Catalog;
using Berth.Costing;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

public sealed class EcsFargateSimulationTests
{
    private static OptionRun Ecs(string services, SimulationOptions options, string extra = "") =>
        SimulationRunner.Run(Specs.With(services, extra), PriceCatalog.Embedded, options).Runs[0].Single(o => o.Id == "ecs-fargate");

    [Fact]
    public void Flat_demand_with_fixed_replicas_serves_everything_and_costs_what_berth_cost_says()
    {
        var spec = Specs.With("  - { name: api, cpu: 1, memory: 2Gi, replicas: 4, demand: flat }\n  - { name: big, cpu: 2, memory: 5Gi, replicas: 2, demand: flat, storage: 30Gi }");
        var run = SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(Days: 2)).Runs[0].Single(o => o.Id == "ecs-fargate");
        var cost = CostEngine.Estimate(spec, PriceCatalog.Embedded).Options.Single(o => o.Id == "ecs-fargate").InfrastructureUsd;

        run.UnservedDemandPct.ShouldBe(0);
        run.Interruptions.ShouldBe(0);
        run.ScaleEvents.ShouldBe(0);
        run.MonthlyUsd.ShouldBe((double)cost, (double)cost * 0.01);
    }

    [Fact]
    public void A_demand_step_above_scaling_max_leaves_demand_unserved()
    {
        var step = "[" + string.Join(", ", Enumerable.Repeat("0.2", 12).Concat(Enumerable.Repeat("1", 12))) + "]";
        var run = Ecs($"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 4 }}, demand: {step} }}",
            new SimulationOptions(Days: 1) { DemandScale = 1.5 });

        run.UnservedDemandPct.ShouldBeGreaterThan(0);
        run.ScaleEvents.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_slower_task_start_leaves_more_demand_unserved_after_a_step()
    {
        // A tenth of the peak for twelve hours, then the peak: target tracking needs several rounds, each waiting for tasks to start.
        var step = "[" + string.Join(", ", Enumerable.Repeat("0.1", 12).Concat(Enumerable.Repeat("1", 12))) + "]";
        var services = $"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 40 }}, demand: {step} }}";

        var fast = Ecs(services, new SimulationOptions(Days: 1) { FargateStartSeconds = 30 });
        var slow = Ecs(services, new SimulationOptions(Days: 1) { FargateStartSeconds = 300 });

        fast.UnservedDemandPct.ShouldBeGreaterThan(0);
        slow.UnservedDemandPct.ShouldBeGreaterThan(fast.UnservedDemandPct);
    }

    [Fact]
    public void Without_spot_there_are_no_interruptions_and_with_spot_there_can_be()
    {
        const string services = "  - { name: api, cpu: 1, memory: 2Gi, replicas: 50, spot: true, demand: flat }";
        const string strategy = "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE_SPOT, weight: 1 }";

        Ecs(services.Replace("spot: true", "spot: false", StringComparison.Ordinal), new SimulationOptions(Days: 2), strategy).Interruptions.ShouldBe(0);
        Ecs(services, new SimulationOptions(Days: 2) { SpotMonthlyRate = 0 }, strategy).Interruptions.ShouldBe(0);
        var spot = Ecs(services, new SimulationOptions(Days: 2) { SpotMonthlyRate = 5 }, strategy);
        spot.Interruptions.ShouldBeGreaterThan(0);
        spot.InFlightLosses.ShouldBe(0); // gracefulShutdown defaults to true
    }

    [Fact]
    public void The_fargate_spot_rate_is_labelled_an_estimate_unless_berth_yaml_sets_it()
    {
        const string services = "  - { name: worker, cpu: 1, memory: 2Gi, replicas: 50, spot: true, gracefulShutdown: false, demand: flat }";
        const string strategy = "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE_SPOT, weight: 1 }";

        var estimated = Ecs(services, new SimulationOptions(Days: 3), strategy);
        var none = Ecs(services, new SimulationOptions(Days: 3), strategy + "\npricing:\n  overrides:\n    fargate:\n      spotInterruptionRate: 0");
        var often = Ecs(services, new SimulationOptions(Days: 3), strategy + "\npricing:\n  overrides:\n    fargate:\n      spotInterruptionRate: 4");

        estimated.Notes.ShouldContain(n => n.Contains("estimate", StringComparison.Ordinal) && n.Contains("spotInterruptionRate", StringComparison.Ordinal));
        none.Notes.ShouldNotContain(n => n.Contains("estimate", StringComparison.Ordinal));
        none.Interruptions.ShouldBe(0);
        often.Interruptions.ShouldBeGreaterThan(estimated.Interruptions);
        often.InFlightLosses.ShouldBeGreaterThan(0); // one per serving task interrupted without graceful shutdown
        often.InFlightLosses.ShouldBeLessThanOrEqualTo(often.Interruptions);
    }
}
