using System.Globalization;
using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>Each option's monthly cost at one service count, and whether it can run the workload there.</summary>
public sealed record CrossoverPoint(
    int Services,
    IReadOnlyDictionary<string, decimal> TotalUsd,
    IReadOnlyDictionary<string, decimal> InfrastructureUsd)
{
    /// <summary>The options that cannot run this many services, with why (absent: it can).</summary>
    public IReadOnlyDictionary<string, string> Infeasible { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool Feasible(string id) => !Infeasible.ContainsKey(id);

    /// <summary>The cheapest option that can run this many services, or null.</summary>
    public string? Cheapest(IEnumerable<string> ids, bool withEngineering = true) =>
        ids.Where(Feasible).OrderBy(id => withEngineering ? TotalUsd[id] : InfrastructureUsd[id]).ThenBy(id => id, StringComparer.Ordinal).FirstOrDefault();
}

/// <summary>Where the cheaper of two options changes: from <see cref="AtServices"/> on, <see cref="Cheaper"/> costs less.</summary>
public sealed record Crossing(string Cheaper, string Dearer, int AtServices, bool WithEngineering)
{
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Cheaper} becomes cheaper than {Dearer} at {AtServices} services ({(WithEngineering ? "with" : "without")} engineering time)");
}

public sealed record CrossoverResult(string Template, int From, int To, IReadOnlyList<string> Options, IReadOnlyList<CrossoverPoint> Points, IReadOnlyList<Crossing> Crossings);

/// <summary>
/// Sweeps the number of services: N copies of one service of the spec, everything else unchanged, planned and priced
/// at each N; reports where the cheapest option that can run the workload changes, with and without engineering time.
/// Fixed node groups are re-sized to each point's peak (the same instance types, as many nodes as needed) rather than
/// held at berth.yaml's counts, and the result says so.
/// </summary>
public static class Crossover
{
    public static CrossoverResult Sweep(BerthSpec spec, PriceCatalog catalog, int from, int to, string? template = null)
    {
        if (from < 1 || to < from || to > 500)
        {
            throw new CostingException($"--services: expected a range such as 1..60 within 1..500, got {from}..{to}");
        }

        var service = template is null
            ? spec.Services[0]
            : spec.Services.FirstOrDefault(s => s.Name == template || s.BaseName == template)
              ?? throw new CostingException($"--template: no service '{template}' in the spec{Suggest.DidYouMean(template, spec.Services.Select(s => s.Name))}");

        // Each service count is priced on its own (in parallel), and results are kept by index: same bytes on any core count.
        var reports = new CostReport[to - from + 1];
        Parallel.For(0, reports.Length, k =>
        {
            var n = from + k;
            var copies = Enumerable.Range(1, n)
                .Select(i => service with { Name = string.Create(CultureInfo.InvariantCulture, $"{service.BaseName}-{i}") })
                .ToArray();
            reports[k] = CostEngine.Estimate(Planner.For(spec with { Services = copies }, catalog, resizeNodeGroups: true), totalsOnly: true);
        });

        var ids = reports[0].Options.Select(o => o.Id).ToArray();
        var points = reports.Select((report, k) => new CrossoverPoint(
            from + k,
            report.Options.ToDictionary(o => o.Id, o => o.MonthlyUsd, StringComparer.Ordinal),
            report.Options.ToDictionary(o => o.Id, o => o.InfrastructureUsd, StringComparer.Ordinal))
        {
            Infeasible = report.Options.Where(o => !o.Feasible).ToDictionary(o => o.Id, o => string.Join("; ", o.Infeasible), StringComparer.Ordinal),
        }).ToList();

        var crossings = new List<Crossing>();
        foreach (var withEngineering in new[] { true, false })
        {
            for (var a = 0; a < ids.Length; a++)
            {
                for (var b = a + 1; b < ids.Length; b++)
                {
                    crossings.AddRange(Crossings(points, ids[a], ids[b], withEngineering));
                }
            }
        }

        return new CrossoverResult(service.BaseName, from, to, ids, points, crossings);
    }

    private static IEnumerable<Crossing> Crossings(IReadOnlyList<CrossoverPoint> points, string a, string b, bool withEngineering)
    {
        int? previous = null;
        foreach (var p in points)
        {
            // A comparison with an option that cannot run the workload there is no comparison.
            if (!p.Feasible(a) || !p.Feasible(b))
            {
                previous = null;
                continue;
            }

            var costs = withEngineering ? p.TotalUsd : p.InfrastructureUsd;
            var sign = Math.Sign(costs[a] - costs[b]);
            if (sign == 0)
            {
                continue;
            }

            if (previous is { } prev && prev != sign)
            {
                yield return sign < 0
                    ? new Crossing(a, b, p.Services, withEngineering)
                    : new Crossing(b, a, p.Services, withEngineering);
            }

            previous = sign;
        }
    }

    /// <summary>The service counts at which the cheapest option that can run the workload (with engineering time) changes, and the new cheapest.</summary>
    public static IReadOnlyList<(int Services, string Cheapest)> CheapestChanges(CrossoverResult result)
    {
        var changes = new List<(int, string)>();
        string? previous = null;
        foreach (var p in result.Points)
        {
            var cheapest = p.Cheapest(result.Options);
            if (cheapest is not null && previous is not null && cheapest != previous)
            {
                changes.Add((p.Services, cheapest));
            }

            previous = cheapest ?? previous;
        }

        return changes;
    }

    /// <summary>Parses "1..60" (or a single number) as an inclusive range.</summary>
    public static (int From, int To) ParseRange(string text)
    {
        var parts = text.Split("..", 2);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            return (from, to);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            return (single, single);
        }

        throw new CostingException($"--services: '{text}' is not a range; expected FROM..TO such as 1..60");
    }
}
