using System.Globalization;
using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Simulation;

/// <summary>
/// A replica serves up to its whole CPU and the autoscaler aims at its target below that, so demand that stays within a
/// service's scaling range is always served: no shortfall on any option, whatever the seed, the noise and the sizes.
/// The services run at least 1 ÷ (1 − target) replicas (four at a 75% target), so that when Karpenter's consolidation
/// moves a pod — one at a time per service, as the generated PodDisruptionBudget (maxUnavailable: 1) allows — the
/// others still serve the demand; with fewer, a moved pod's start-up is a real, brief shortfall.
/// </summary>
public sealed class FlatDemandPropertyTests
{
    private static readonly string[] Cpus = ["250m", "500m", "1", "2"];

    [Property(MaxTest = 50)]
    public Property Flat_demand_within_the_scaling_range_is_always_served_on_every_option()
    {
        var gen = Gen.Choose(0, 1_000_000);
        return Prop.ForAll(gen.ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var services = string.Join("\n", Enumerable.Range(0, random.Next(1, 4)).Select(i =>
            {
                var min = random.Next(4, 7);
                var max = min + random.Next(0, 12);
                // A flat level between what min replicas and max replicas serve at the CPU target.
                var level = ((double)min / max) + (random.NextDouble() * (1 - ((double)min / max)));
                var target = random.Next(50, 76);
                return string.Create(CultureInfo.InvariantCulture,
                    $"  - {{ name: s{i}, cpu: {Cpus[random.Next(Cpus.Length)]}, memory: {random.Next(1, 5) * 512}Mi, scaling: {{ min: {min}, max: {max}, cpuTarget: {target} }}, demand: [{string.Join(", ", Enumerable.Repeat(level.ToString("0.###", CultureInfo.InvariantCulture), 24))}] }}");
            }));
            var spec = Specs.With(services, """
                eks:
                  nodeGroups:
                    - { name: general, instanceType: m5.4xlarge, count: 8, capacityType: on-demand }
                  karpenter:
                    capacityTypes: [on-demand]
                simulation:
                  noise: { amplitude: 0.05, correlationMinutes: 20, shared: 0.5 }
                """);
            var report = SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(Days: 1, Seed: seed));
            foreach (var run in report.Runs[0])
            {
                run.UnservedDemandPct.ShouldBe(0, $"{run.Id}, seed {seed}");
                run.ShortfallMinutesPerDay.ShouldAllBe(m => m == 0, $"{run.Id}, seed {seed}");
            }

            return true;
        });
    }
}
