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

public sealed record CrossoverResult(string Template, int From, int To, IReadOnlyList<string> Options, IReadOnlyList<CrossoverPoint> Points, IReadOnlyList<Crossing> Crossings)
{
    /// <summary>What the sweep varies, exactly: the copied service with its size, replicas and demand, and the count.</summary>
    public string Varied { get; init; } = "";

    /// <summary>What the sweep holds, exactly, and what it leaves out of the spec.</summary>
    public string Held { get; init; } = "";
}

/// <summary>Where the cheapest option that can run the workload changes to another and stays changed (a crossover).</summary>
public sealed record CheapestShift(int AtServices, string From, string To);

/// <summary>
/// A range of service counts where the cheapest option flips back and forth among <see cref="Options"/> before it
/// settles: said as one band, since a reader cannot act on a dozen crossings a service apart.
/// </summary>
public sealed record FlappingBand(int FromServices, int ToServices, IReadOnlyList<string> Options, int Changes);

/// <summary>The cheapest option that can run the workload (with engineering time) along the sweep: where it starts, its crossovers and its flapping bands.</summary>
public sealed record CheapestTimeline(string? First, IReadOnlyList<CheapestShift> Crossovers, IReadOnlyList<FlappingBand> Bands);

/// <summary>
/// Sweeps the number of services: N copies of one service of the spec, everything else unchanged, planned and priced
/// at each N; reports where the cheapest option that can run the workload changes, with and without engineering time.
/// Fixed node groups are re-sized to each point's peak (the same instance types, as many nodes as needed) rather than
/// held at berth.yaml's counts, and the result says so.
/// </summary>
public static class Crossover
{
    /// <summary>
    /// A change of the cheapest option is a crossover only when the new cheapest stays the cheapest for this many
    /// following service counts (or to the end of the sweep); shorter changes are flapping, reported as a band.
    /// </summary>
    public const int SettlePoints = 3;

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

        var others = spec.Services.Count(s => s.BaseName != service.BaseName);
        var size = service.Scaling is { } scaling
            ? string.Create(CultureInfo.InvariantCulture, $"{scaling.Min} to {scaling.Max} replicas")
            : Count(service.Replicas ?? 1, "replica", "replicas");
        var varied = string.Create(CultureInfo.InvariantCulture,
            $"varied: the number of services, {from} to {to} copies of '{service.BaseName}' ({service.Cpu} CPU, {service.Memory} memory, {size}, {service.Demand.Shape} demand{(service.Spot ? ", on Spot" : "")})");
        var held = string.Create(CultureInfo.InvariantCulture,
            $"held: the region ({spec.Region}), the team and its engineering rate, the requirements, the Karpenter and Spot settings and the {catalog.AsOf} prices; ")
            + (others == 0 ? "the spec has no other service" : Count(others, "other service", "other services") + " of the spec left out")
            + "; fixed node groups re-sized to each count's peak (same instance types, as many nodes as needed)";
        return new CrossoverResult(service.BaseName, from, to, ids, points, crossings) { Varied = varied, Held = held };
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

    /// <summary>
    /// The cheapest option that can run the workload (with engineering time) along the sweep. A crossover is a change
    /// of the cheapest option that holds for the next <see cref="SettlePoints"/> counts (or to the end of the sweep);
    /// the changes that do not hold are gathered into bands, from the first such change to the count before the next
    /// crossover (or the sweep's end). Counts where no option can run the workload are skipped.
    /// </summary>
    public static CheapestTimeline Cheapest(CrossoverResult result)
    {
        var seq = result.Points
            .Select(p => (p.Services, Cheapest: p.Cheapest(result.Options)))
            .Where(x => x.Cheapest is not null)
            .Select(x => (x.Services, Cheapest: x.Cheapest!))
            .ToArray();
        if (seq.Length == 0)
        {
            return new CheapestTimeline(null, [], []);
        }

        var crossovers = new List<CheapestShift>();
        var bands = new List<FlappingBand>();
        var settled = seq[0].Cheapest;
        int? bandFrom = null;
        var bandOptions = new SortedSet<string>(StringComparer.Ordinal);
        var bandChanges = 0;
        void CloseBand(int to)
        {
            if (bandFrom is { } f)
            {
                bands.Add(new FlappingBand(f, to, bandOptions.ToArray(), bandChanges));
            }

            bandFrom = null;
            bandOptions.Clear();
            bandChanges = 0;
        }

        for (var i = 1; i < seq.Length; i++)
        {
            var now = seq[i].Cheapest;
            if (now == seq[i - 1].Cheapest)
            {
                continue;
            }

            var holds = seq.Skip(i + 1).Take(SettlePoints).All(x => x.Cheapest == now);
            if (holds)
            {
                CloseBand(seq[i].Services - 1);
                if (now != settled)
                {
                    crossovers.Add(new CheapestShift(seq[i].Services, settled, now));
                    settled = now;
                }

                continue;
            }

            if (bandFrom is null)
            {
                bandFrom = seq[i].Services;
                bandOptions.Add(seq[i - 1].Cheapest);
            }

            bandOptions.Add(now);
            bandChanges++;
        }

        CloseBand(seq[^1].Services);
        return new CheapestTimeline(seq[0].Cheapest, crossovers, bands);
    }

    /// <summary>The timeline in one sentence per event, as every view words it.</summary>
    public static IReadOnlyList<string> Describe(CheapestTimeline t, int from, int to)
    {
        if (t.First is null)
        {
            return [string.Create(CultureInfo.InvariantCulture, $"No option can run the workload anywhere from {from} to {to} services.")];
        }

        var events = t.Crossovers.Select(c => (At: c.AtServices, Text: string.Create(CultureInfo.InvariantCulture,
                $"crossover at {c.AtServices} services: {c.To} becomes the cheapest (instead of {c.From}) and stays so for at least the next {SettlePoints} counts or to the end of the range")))
            .Concat(t.Bands.Select(b => (At: b.FromServices, Text: string.Create(CultureInfo.InvariantCulture,
                $"from {b.FromServices} to {b.ToServices} services the cheapest flaps between {string.Join(" and ", b.Options)} ({b.Changes} changes): no single count there is a crossover"))))
            .OrderBy(e => e.At)
            .Select(e => e.Text);
        var start = string.Create(CultureInfo.InvariantCulture, $"{t.First} is the cheapest at {Count(from, "service", "services")} (with engineering time)");
        return t.Crossovers.Count == 0 && t.Bands.Count == 0
            ? [start + string.Create(CultureInfo.InvariantCulture, $" and stays so to {to}: no crossover in this range.")]
            : [start + ".", .. events];
    }

    private static string Count(int n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural)}");

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
