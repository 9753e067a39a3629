using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

public sealed class DemandSourceTests
{
    private static double[][] Minutes(string services, string simulation, int minutes, int seed = 1)
    {
        var spec = Specs.With(services, simulation);
        var source = new DemandSource(spec, new Random(seed), new SimulationOptions());
        var rows = new double[minutes][];
        for (var m = 0; m < minutes; m++)
        {
            rows[m] = new double[spec.Services.Count];
            source.Next(m, rows[m]);
        }

        return rows;
    }

    private const string Two = """
          - { name: api, cpu: 1, scaling: { min: 1, max: 10 }, demand: flat }
          - { name: web, cpu: 1, scaling: { min: 1, max: 10 }, demand: flat }
        """;

    private const double Peak = 10 * 1.0 * 0.7; // max × cpu × target, before the noise allowance

    [Fact]
    public void An_event_multiplies_the_named_services_demand_for_its_minutes()
    {
        var rows = Minutes(Two, """
            simulation:
              noise: { amplitude: 0 }
              events:
                - { name: sale, day: 1, at: "01:00", duration: 30m, multiplier: 0.5, services: [web] }
            """, 120);

        rows[59].ShouldBe([Peak, Peak]);
        rows[60].ShouldBe([Peak, Peak * 0.5]);
        rows[89].ShouldBe([Peak, Peak * 0.5]);
        rows[90].ShouldBe([Peak, Peak]);
    }

    [Fact]
    public void An_event_for_a_counted_service_applies_to_every_copy_and_events_multiply()
    {
        var rows = Minutes("  - { name: api, cpu: 1, replicas: 2, demand: flat, count: 3 }", """
            simulation:
              noise: { amplitude: 0 }
              events:
                - { day: 1, at: "00:10", duration: 20m, multiplier: 2, services: [api] }
                - { day: 1, at: "00:20", duration: 20m, multiplier: 3 }
            """, 45);
        var peak = 2 * 1.0 * 0.7;

        rows[5].ShouldAllBe(d => Math.Abs(d - peak) < 1e-9);
        rows[15].ShouldAllBe(d => Math.Abs(d - (2 * peak)) < 1e-9);
        rows[25].ShouldAllBe(d => Math.Abs(d - (6 * peak)) < 1e-9);
        rows[35].ShouldAllBe(d => Math.Abs(d - (3 * peak)) < 1e-9);
    }

    [Fact]
    public void Noise_stays_within_its_amplitude_and_correlated_noise_drifts_and_can_be_shared()
    {
        const int n = 5_000;
        var independent = Minutes(Two, "simulation:\n  noise: { amplitude: 0.1 }", n);
        var drifting = Minutes(Two, "simulation:\n  noise: { amplitude: 0.1, correlationMinutes: 30 }", n);
        var shared = Minutes(Two, "simulation:\n  noise: { amplitude: 0.1, correlationMinutes: 30, shared: 1 }", n);

        // The profile value 1 is sized so the noisiest minute just fills scaling.max at the target.
        foreach (var rows in new[] { independent, drifting, shared })
        {
            rows.SelectMany(r => r).ShouldAllBe(d => d >= (Peak / 1.1 * 0.9) - 1e-9 && d <= Peak + 1e-9);
        }

        Lag1(independent, 0).ShouldBeLessThan(0.1);
        Lag1(drifting, 0).ShouldBeGreaterThan(0.9);
        Correlation(drifting.Select(r => r[0]).ToArray(), drifting.Select(r => r[1]).ToArray()).ShouldBeLessThan(0.5);
        Correlation(shared.Select(r => r[0]).ToArray(), shared.Select(r => r[1]).ToArray()).ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void Spiky_bursts_lift_demand_but_never_above_what_scaling_max_serves_at_the_target()
    {
        var rows = Minutes("  - { name: api, cpu: 1, scaling: { min: 1, max: 10 }, demand: spiky }", "simulation:\n  noise: { amplitude: 0 }", 7 * 1440);
        var levels = rows.Select(r => r[0] / Peak).ToArray();
        var profile = Berth.Spec.DemandProfile.Named("spiky");

        levels.Max().ShouldBe(1, 1e-9);
        // Bursts happened: minutes above the profile's own value at the 30% base.
        Enumerable.Range(0, levels.Length).Count(m => levels[m] > Level(profile, m) + 1e-9).ShouldBeGreaterThan(20);
    }

    private static double Level(Berth.Spec.DemandProfile p, int minute)
    {
        var hour = minute / 60 % 168;
        var f = (minute % 60) / 60.0;
        return (p.At(hour) * (1 - f)) + (p.At(hour + 1) * f);
    }

    private static double Lag1(double[][] rows, int service) =>
        Correlation(rows.Skip(1).Select(r => r[service]).ToArray(), rows.SkipLast(1).Select(r => r[service]).ToArray());

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
