using System.Globalization;
using Berth.Catalog;
using Berth.Simulation;
using Berth.Spec;

namespace Berth.Bench;

/// <summary>
/// How many seeded runs make <c>berth simulate</c>'s percentiles stable: for each run count, the p50 and p95 of monthly
/// cost and of shortfall minutes per day from several disjoint sets of seeds, and how far the sets disagree (the
/// largest difference between two sets, relative to their median; shortfall also in minutes, as it is often near 0).
/// `dotnet run -c Release --project bench/Berth.Bench -- stability [days] [sets] [counts...]`.
/// </summary>
public static class RunStability
{
    public static int Run(string[] args)
    {
        var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var sets = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var counts = args.Length > 3 ? args.Skip(3).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [5, 10, 20, 30, 50];
        foreach (var example in new[] { "startup", "platform", "multi-client" })
        {
            var spec = SpecLoader.LoadFile(Path.Combine(SimulationBenchmarks.FindRoot(), "examples", example + ".yaml")).Spec
                ?? throw new InvalidOperationException($"examples/{example}.yaml did not load");
            Console.WriteLine($"{example}.yaml, {days} days, {sets} seed sets");
            foreach (var n in counts)
            {
                var reports = Enumerable.Range(0, sets)
                    .Select(k => SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(days, n, 1 + (k * 100_000))))
                    .ToArray();
                var worst = new List<string>();
                for (var o = 0; o < reports[0].Summaries.Count; o++)
                {
                    var cost = reports.Select(r => r.Summaries[o].MonthlyUsd).ToArray();
                    var shortfall = reports.Select(r => r.Summaries[o].ShortfallMinutesPerDay).ToArray();
                    worst.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{reports[0].Summaries[o].Id}: cost p50 {Spread(cost.Select(p => p.P50)):0.0%} p95 {Spread(cost.Select(p => p.P95)):0.0%}, shortfall p50 {Minutes(shortfall.Select(p => p.P50))} p95 {Minutes(shortfall.Select(p => p.P95))}"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n,3} runs | {string.Join(" | ", worst)}"));
            }
        }

        return 0;
    }

    private static double Spread(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        var median = v[v.Length / 2];
        return median == 0 ? 0 : (v[^1] - v[0]) / median;
    }

    private static string Minutes(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        var median = v[v.Length / 2];
        return string.Create(CultureInfo.InvariantCulture, $"{v[^1] - v[0]:0.#} min ({(median == 0 ? 0 : (v[^1] - v[0]) / median):0%} of {median:0.#})");
    }
}
