using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

public sealed class EksKarpenterSimulationTests
{
    private const string OnDemandOnly = "eks:\n  karpenter:\n    capacityTypes: [on-demand]";

    private static OptionRun Eks(string services, SimulationOptions options, string extra = "") =>
        SimulationRunner.Run(Specs.With(services, extra), PriceCatalog.Embedded, options).Runs[0].Single(o => o.Id == "eks-karpenter");

    [Fact]
    public void Flat_demand_with_fixed_replicas_serves_everything_without_scaling()
    {
        var run = Eks("  - { name: api, cpu: 1, memory: 2Gi, replicas: 6, demand: flat }", new SimulationOptions(Days: 1), OnDemandOnly);

        run.UnservedDemandPct.ShouldBe(0);
        run.Interruptions.ShouldBe(0);
        run.ScaleEvents.ShouldBe(0);
        run.MonthlyUsd.ShouldBeGreaterThan(73); // the control plane alone is $73 a month
    }

    [Fact]
    public void A_demand_step_above_scaling_max_leaves_demand_unserved()
    {
        var step = "[" + string.Join(", ", Enumerable.Repeat("0.2", 12).Concat(Enumerable.Repeat("1", 12))) + "]";
        var run = Eks($"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 4 }}, demand: {step} }}",
            new SimulationOptions(Days: 1) { DemandScale = 1.5 }, OnDemandOnly);

        run.UnservedDemandPct.ShouldBeGreaterThan(0);
        run.ScaleEvents.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Nodes_follow_demand_down_when_consolidation_deletes_empty_ones()
    {
        const string services = "  - { name: api, cpu: 2, memory: 4Gi, scaling: { min: 1, max: 30 }, demand: business-hours }";
        var run = Eks(services, new SimulationOptions(Days: 1) { TimeSeries = true }, OnDemandOnly);
        var never = Eks(services, new SimulationOptions(Days: 1) { TimeSeries = true }, OnDemandOnly + "\n    consolidateAfter: Never");

        var peak = run.TimeSeries.Max(p => p.RunningUnits);
        peak.ShouldBeGreaterThan(1);
        run.TimeSeries[^1].RunningUnits.ShouldBeLessThan(peak);
        never.TimeSeries[^1].RunningUnits.ShouldBe(never.TimeSeries.Max(p => p.RunningUnits));
        run.MonthlyUsd.ShouldBeLessThan(never.MonthlyUsd);
    }

    [Fact]
    public void Spot_nodes_are_interrupted_only_at_a_positive_rate_and_non_graceful_pods_lose_work()
    {
        const string services = "  - { name: worker, cpu: 1, memory: 2Gi, replicas: 40, spot: true, gracefulShutdown: false, demand: flat }";

        Eks(services, new SimulationOptions(Days: 1), OnDemandOnly).Interruptions.ShouldBe(0);
        Eks(services, new SimulationOptions(Days: 1) { SpotMonthlyRate = 0 }).Interruptions.ShouldBe(0);
        var spot = Eks(services, new SimulationOptions(Days: 1) { SpotMonthlyRate = 200 });
        spot.Interruptions.ShouldBeGreaterThan(0);
        spot.InFlightLosses.ShouldBeGreaterThan(spot.Interruptions); // counted per pod: a node carries several
    }

    [Fact]
    public void An_under_used_node_is_replaced_by_a_cheaper_one_after_demand_drops()
    {
        // Twelve hours at the top, then a tenth: the pods packed onto one big node shrink to a few a smaller node holds.
        var step = "[" + string.Join(", ", Enumerable.Repeat("1", 12).Concat(Enumerable.Repeat("0.1", 12))) + "]";
        var services = $"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 14 }}, demand: {step} }}";
        var underutilised = Eks(services, new SimulationOptions(Days: 1) { TimeSeries = true }, OnDemandOnly);
        var emptyOnly = Eks(services, new SimulationOptions(Days: 1) { TimeSeries = true }, OnDemandOnly + "\n    consolidation: WhenEmpty");

        underutilised.NodesReplaced.ShouldBeGreaterThan(0);
        emptyOnly.NodesReplaced.ShouldBe(0);
        underutilised.MonthlyUsd.ShouldBeLessThan(emptyOnly.MonthlyUsd);
        underutilised.UnservedDemandPct.ShouldBeLessThan(emptyOnly.UnservedDemandPct + 0.5); // moved pods wait only the pod start latency
        var late = underutilised.TimeSeries.Skip(20 * 60).ToArray();
        late.ShouldAllBe(p => p.NodeCpuUtilisationPct > 0 && p.Nodes >= 1);
        late.Average(p => p.NodeCpuUtilisationPct).ShouldBeGreaterThan(emptyOnly.TimeSeries.Skip(20 * 60).Average(p => p.NodeCpuUtilisationPct));
    }

    [Fact]
    public void A_node_whose_pods_fit_on_the_others_is_drained_and_deleted()
    {
        // Two services peak together and scale down together: the nodes launched for the peak end up half empty.
        const string services = """
              - { name: api, cpu: 1, memory: 2Gi, scaling: { min: 2, max: 40 }, demand: business-hours }
              - { name: web, cpu: 500m, memory: 1Gi, scaling: { min: 2, max: 40 }, demand: business-hours }
            """;
        var run = Eks(services, new SimulationOptions(Days: 2), OnDemandOnly);
        var never = Eks(services, new SimulationOptions(Days: 2), OnDemandOnly + "\n    consolidateAfter: Never");

        run.NodesConsolidated.ShouldBeGreaterThan(0);
        never.NodesConsolidated.ShouldBe(0);
        never.NodesReplaced.ShouldBe(0);
        run.AverageNodes.ShouldBeLessThan(never.AverageNodes);
        run.NodeCpuUtilisationPct.ShouldBeGreaterThan(never.NodeCpuUtilisationPct);
    }

    [Fact]
    public void Consolidation_disrupts_at_most_a_tenth_of_the_nodes_in_one_pass()
    {
        // One pod per node (15 vCPU on 16-vCPU nodes) and spiky demand: when a burst ends the HPA drops several replicas at
        // once and empties as many nodes in the same second; the default budget (nodes: 10%, rounded up) lets one pass
        // delete only ceil(10% of the nodes). (With the budget at 100% this run deletes 5 of 11 nodes in one pass.)
        const string services = "  - { name: api, cpu: 15, memory: 30Gi, scaling: { min: 1, max: 40 }, demand: spiky }";
        // WhenEmpty: every stop is an empty node deleted by a pass (no replacements finishing, no drains).
        var run = Eks(services, new SimulationOptions(Days: 3), OnDemandOnly + "\n    consolidation: WhenEmpty");

        // The ledger holds one entry per billed node (and the control plane, which runs to the end): group the stops by second.
        var end = run.Ledger.Max(e => e.Stop);
        var stops = run.Ledger.Where(e => e.Stop < end).GroupBy(e => e.Stop).ToArray();
        stops.Length.ShouldBeGreaterThan(5);
        foreach (var pass in stops)
        {
            var live = run.Ledger.Count(e => e.Start < pass.Key && e.Stop >= pass.Key && e.UsdPerHour > 0.1);
            pass.Count().ShouldBeLessThanOrEqualTo((int)Math.Ceiling(0.10 * live), $"second {pass.Key}: {pass.Count()} of {live} nodes stopped at once");
        }
    }
}
