using System.Globalization;
using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Simulation;

/// <summary>
/// Invariants over random specs, on every option, with consolidation (drain and replace), node groups and Spot
/// interruptions: the simulator throws if a pod is bound past a node's allocatable, a node is deleted with a pod on it,
/// or capacity goes negative, so a run that completes kept them; cost is the integral of the billing ledger.
/// </summary>
public sealed class SimulationPropertyTests
{
    private static readonly string[] Shapes = ["flat", "business-hours", "spiky", "nightly-batch"];
    private static readonly string[] Cpus = ["250m", "500m", "1", "2", "4"];

    private static string RandomSpec(int seed)
    {
        var random = new Random(seed);
        var services = string.Join("\n", Enumerable.Range(0, random.Next(1, 5)).Select(i =>
        {
            var min = random.Next(0, 3);
            var scaling = random.Next(4) == 0 ? $"replicas: {random.Next(1, 6)}" : $"scaling: {{ min: {min}, max: {min + random.Next(1, 25)} }}";
            return string.Create(CultureInfo.InvariantCulture,
                $"  - {{ name: s{i}, cpu: {Cpus[random.Next(Cpus.Length)]}, memory: {random.Next(1, 9) * 512}Mi, {scaling}, demand: {Shapes[random.Next(Shapes.Length)]}, spot: {(random.Next(2) == 0 ? "true" : "false")}, gracefulShutdown: {(random.Next(2) == 0 ? "true" : "false")}{(random.Next(3) == 0 ? ", arch: arm64" : "")} }}");
        }));
        var policy = random.Next(3) == 0 ? "WhenEmpty" : "WhenEmptyOrUnderutilized";
        var groupType = random.Next(2) == 0 ? "m5.xlarge" : "m6g.2xlarge";
        var capacity = random.Next(2) == 0 ? "spot" : "on-demand";
        var extra = $"""
            ecs:
              capacityProviderStrategy:
                - {'{'} provider: FARGATE, base: 1, weight: 1 {'}'}
                - {'{'} provider: FARGATE_SPOT, weight: 3 {'}'}
            eks:
              nodeGroups:
                - {'{'} name: general, instanceType: {groupType}, count: {random.Next(1, 6)}, capacityType: {capacity} {'}'}
              karpenter:
                consolidation: {policy}
                consolidateAfter: {random.Next(0, 300)}s
            """;
        return services + "\n" + extra;
    }

    [Property(MaxTest = 25)]
    public Property Runs_keep_the_invariants_on_every_option()
    {
        var gen = Gen.Choose(0, 1_000_000).SelectMany(seed => Gen.Elements(0.0, 3.0, 40.0).Select(rate => (seed, rate)));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var text = RandomSpec(g.seed);
            var split = text.IndexOf("\necs:", StringComparison.Ordinal);
            var spec = Specs.With(text[..split], text[(split + 1)..]);
            var report = SimulationRunner.Run(spec, PriceCatalog.Embedded,
                new SimulationOptions(Days: 1, Seed: g.seed) { TimeSeries = true, SpotMonthlyRate = g.rate });
            foreach (var run in report.Runs[0])
            {
                var ledger = run.Ledger.Sum(e => (e.Stop - e.Start) * e.UsdPerHour / 3600.0);
                run.Ledger.ShouldAllBe(e => e.Start >= 0 && e.Stop >= e.Start && e.Stop <= 86_400);
                run.CostUsd.ShouldBe(ledger, 1e-6 * Math.Max(1, ledger), run.Id);
                run.TimeSeries.ShouldAllBe(p => p.ServingVcpu >= 0 && p.Nodes >= 0 && p.NodeCpuUtilisationPct >= 0 && p.NodeCpuUtilisationPct <= 100 + 1e-9);
                run.ServedVcpuSeconds.ShouldBeLessThanOrEqualTo(run.DemandedVcpuSeconds + 1e-6);
                run.ShortfallMinutesPerDay.ShouldAllBe(m => m >= 0 && m <= 1440);
                if (g.rate == 0)
                {
                    run.Interruptions.ShouldBe(0, run.Id);
                }
            }

            return true;
        });
    }

    [Fact]
    public void An_interrupted_node_group_node_gives_back_its_controllers_requests()
    {
        // Found by the property above (seed 864202, 3 interruptions a month): one Spot m5.xlarge group node is
        // interrupted; its controllers' requests stayed on the books and node CPU utilisation read 104%.
        var text = RandomSpec(864202);
        var split = text.IndexOf("\necs:", StringComparison.Ordinal);
        var spec = Specs.With(text[..split], text[(split + 1)..]);
        var report = SimulationRunner.Run(spec, PriceCatalog.Embedded,
            new SimulationOptions(Days: 1, Seed: 864202) { TimeSeries = true, SpotMonthlyRate = 3.0 });
        var groups = report.Runs[0].Single(r => r.Id == "eks-nodegroups");
        groups.Interruptions.ShouldBe(1);
        groups.TimeSeries.Max(p => p.NodeCpuUtilisationPct).ShouldBeLessThanOrEqualTo(100);
        groups.TimeSeries[^1].NodeCpuUtilisationPct.ShouldBeGreaterThan(0);
    }
}
