using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

/// <summary>Spot capacity is drained at the two-minute warning, not at the interruption.</summary>
public sealed class SpotDrainTests
{
    private const string SpotOnly = "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE_SPOT, weight: 1 }\nsimulation:\n  noise: { amplitude: 0 }";

    private static OptionRun Ecs(string graceful) =>
        SimulationRunner.Run(
            Specs.With($"  - {{ name: worker, cpu: 1, memory: 2Gi, replicas: 1, spot: true, gracefulShutdown: {graceful}, demand: flat }}", SpotOnly),
            PriceCatalog.Embedded, new SimulationOptions(Days: 3) { SpotMonthlyRate = 40 }).Runs[0].Single(o => o.Id == "ecs-fargate");

    [Theory]
    [InlineData("true", 120)]
    [InlineData("false", 30)]
    public void A_fargate_spot_task_stops_serving_at_the_warning_and_stops_after_its_stop_timeout(string graceful, int stopTimeout)
    {
        var run = Ecs(graceful);

        run.Interruptions.ShouldBeGreaterThan(2);
        // The replacement is launched at the warning; the interrupted task is billed until stopTimeout after it.
        var tasks = run.Ledger.OrderBy(e => e.Start).ToArray();
        for (var k = 0; k + 1 < tasks.Length; k++)
        {
            if (tasks[k].Stop < 3 * 86_400)
            {
                (tasks[k].Stop - tasks[k + 1].Start).ShouldBe(stopTimeout);
            }
        }

        // It serves nothing from the warning: the one task's demand waits for the replacement's start (60 s) each time.
        run.UnservedDemandPct.ShouldBe(100.0 * run.Interruptions * 60 / (3 * 86_400), 1e-6);
        run.ShortfallMinutesPerDay.Sum().ShouldBeGreaterThanOrEqualTo(run.Interruptions);
        run.InFlightLosses.ShouldBe(graceful == "true" ? 0 : run.Interruptions);
    }

    [Theory]
    // Development: no zone spread, so the four pods share one Spot node and each interruption takes them all.
    [InlineData("eks-karpenter", "environment: development\neks:\n  karpenter:\n    capacityTypes: [spot]")]
    [InlineData("eks-nodegroups", "eks:\n  nodeGroups:\n    - { name: spot, instanceType: m5.2xlarge, count: 1, capacityType: spot }")]
    public void A_spot_nodes_pods_stop_serving_at_the_warning(string option, string extra)
    {
        // Four pods that need all their CPU: losing any leaves demand unserved until a replacement serves.
        var spec = Specs.With("  - { name: api, cpu: 1, memory: 2Gi, replicas: 4, spot: true, demand: flat }", extra);
        var run = SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(Days: 3) { SpotMonthlyRate = 200 }).Runs[0].Single(o => o.Id == option);

        run.Interruptions.ShouldBeGreaterThan(1);
        // Served until the interruption, the replacements (ready after a new node or at once on a node with room) would
        // have covered the gap: drained at the warning, every interruption costs demand.
        run.UnservedDemandPct.ShouldBeGreaterThan(0);
        run.ShortfallMinutesPerDay.Sum().ShouldBeGreaterThanOrEqualTo(run.Interruptions);
        // The interrupted node is billed to the interruption, two minutes after the warning.
        var end = run.Ledger.Max(e => e.Stop);
        run.Ledger.Count(e => e.Stop < end && e.UsdPerHour > 0.1).ShouldBe(run.Interruptions);
    }
}
