using System.Globalization;
using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// Runs every option the spec allows, <see cref="SimulationOptions.Runs"/> times in parallel; each run has its own
/// seeded streams and its result is stored by run index, so the report is the same whatever the thread count.
/// </summary>
public static class SimulationRunner
{
    /// <summary>
    /// Simulates every option, <see cref="SimulationOptions.Runs"/> times. <paramref name="progress"/> receives the number
    /// of simulated days completed so far out of runs × days (from parallel runs, so possibly out of order: keep the maximum).
    /// </summary>
    public static SimulationReport Run(BerthSpec spec, PriceCatalog catalog, SimulationOptions options, IProgress<int>? progress = null)
    {
        if (options.Days < 1 || options.Runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "days and runs must be at least 1");
        }

        var plans = Planner.For(spec, catalog);
        var runs = new IReadOnlyList<OptionRun>[options.Runs];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        var daysDone = 0;
        Parallel.For(0, options.Runs, parallel, r =>
        {
            // Only the first run records the time series (what --format csv writes) and keeps its billing ledger.
            var o = r == 0 ? options : options with { TimeSeries = false, KeepLedger = false };
            var sims = Options(plans, o, r).ToArray();
            var feed = OptionSimulation.NewFeed(spec, o, r);
            foreach (var sim in sims)
            {
                sim.Begin(feed);
            }

            // Every option advances through a day before the feed generates the next: demand is generated once per run.
            for (var day = 1; day <= o.Days; day++)
            {
                foreach (var sim in sims)
                {
                    sim.AdvanceTo(day * 86_400L);
                }

                progress?.Report(Interlocked.Increment(ref daysDone));
            }

            runs[r] = sims.Select(sim => sim.End()).ToArray();
        });

        var summaries = runs[0].Select((first, k) => new OptionSummary(
            first.Id,
            Percentiles.Of(runs.Select(r => r[k].MonthlyUsd)),
            Percentiles.Of(runs.Select(r => r[k].UnservedDemandPct)),
            Percentiles.Of(runs.Select(r => (double)r[k].Interruptions)),
            Percentiles.Of(runs.Select(r => (double)r[k].InFlightLosses)),
            Percentiles.Of(runs.Select(r => (double)r[k].ScaleEvents)),
            first.Notes)
        {
            ShortfallMinutesPerDay = Percentiles.Of(runs.SelectMany(r => r[k].ShortfallMinutesPerDay.Select(m => (double)m))),
            AverageNodes = Percentiles.Of(runs.Select(r => r[k].AverageNodes)),
            PeakNodes = Percentiles.Of(runs.Select(r => (double)r[k].PeakNodes)),
            NodeCpuUtilisationPct = Percentiles.Of(runs.Select(r => r[k].NodeCpuUtilisationPct)),
            Queues = first.Queues.Select((q, j) => new QueueSummary(
                q.Service,
                Percentiles.Of(runs.Select(r => r[k].Queues[j].PeakMessages)),
                Percentiles.Of(runs.Where(r => r[k].Queues[j].Drained).Select(r => (double)r[k].Queues[j].TimeToDrainSeconds)),
                Percentiles.Of(runs.Select(r => r[k].Queues[j].OldestMessageAgeSeconds)),
                runs.Count(r => !r[k].Queues[j].Drained))).ToArray(),
        }).ToArray();
        return new SimulationReport(options, runs, summaries) { Notes = Notes(spec, options).Concat(Disagreements(summaries, options)).ToArray() };
    }

    /// <summary>Runs differ by more than this share of the median monthly cost: the note says so.</summary>
    public const double WideCostSpread = 0.10;

    /// <summary>Where one run would mislead: the runs' spread of cost, unserved demand or a day's shortfall is wide.</summary>
    private static IEnumerable<string> Disagreements(IReadOnlyList<OptionSummary> summaries, SimulationOptions options)
    {
        if (options.Runs < 2)
        {
            yield break;
        }

        foreach (var s in summaries)
        {
            var cost = s.MonthlyUsd;
            if (cost.P50 > 0 && (cost.Max - cost.Min) / cost.P50 > WideCostSpread)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{s.Id}: runs disagree widely on cost — ${cost.Min:0} to ${cost.Max:0} a month (p50 ${cost.P50:0}) over {options.Runs} runs; read the spread, not one run");
            }

            var unserved = s.UnservedDemandPct;
            if (unserved.Max - unserved.Min > 1 || (unserved.Max > 0.1 && unserved.Max > 3 * unserved.P50))
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{s.Id}: runs disagree widely on unserved demand — {unserved.Min:0.###}% to {unserved.Max:0.###}% (p50 {unserved.P50:0.###}%) over {options.Runs} runs");
            }

            var shortfall = s.ShortfallMinutesPerDay;
            if (shortfall.P95 > (2 * shortfall.P50) + 30)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{s.Id}: a bad day is far from a typical one — {shortfall.P95:0} shortfall minutes at p95 against {shortfall.P50:0} at p50 (worst day {shortfall.Max:0})");
            }
        }
    }

    /// <summary>The assumptions the model makes about this spec, said once for every option.</summary>
    private static IEnumerable<string> Notes(BerthSpec spec, SimulationOptions options)
    {
        var queued = spec.Services.Where(s => s.EventSource is not null).Select(s => s.Name).ToArray();
        if (queued.Length > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"queue work ({Names(queued)}): eventSource.targetPerReplica is read as the backlog a replica clears in {QueuedWork.AcceptableLatencySeconds:0} s at full CPU (AWS's acceptable backlog per task, with a one-minute acceptable latency); work waits rather than is lost, and is reported as backlog");
        }

        var kafka = spec.Services.Where(s => s.EventSource is { Type: EventSourceType.Kafka, Partitions: null } && s.Scaling is not null).Select(s => s.Name).ToArray();
        if (kafka.Length > 0)
        {
            yield return $"Kafka topics of {Names(kafka)} have no eventSource.partitions: assumed as many partitions as scaling.max, so no consumer sits idle and KEDA's partition cap does not bind";
        }

        foreach (var e in spec.Simulation.Events.Where(e => e.StartSecond >= options.HorizonSeconds))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"demand event '{e.Name}' starts on day {e.Day}, after the {options.Days} simulated days: not simulated");
        }
    }

    private static string Names(string[] names) =>
        names.Length <= 3 ? string.Join(", ", names) : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", names.Take(3))} and {names.Length - 3} more");

    /// <summary>The options <c>berth cost</c> prices for this spec, in its order: every one of them is simulated.</summary>
    private static IEnumerable<OptionSimulation> Options(PlanSet plans, SimulationOptions options, int run)
    {
        var (spec, prices) = (plans.Spec, plans.Prices);
        foreach (var plan in plans.Options)
        {
            yield return plan switch
            {
                EcsFargatePlan ecs => new EcsFargateSimulation(spec, prices, ecs, options, run),
                KarpenterPlan karpenter => new EksKarpenterSimulation(spec, prices, karpenter, options, run),
                NodeGroupsPlan groups => new EksNodeGroupsSimulation(spec, prices, groups, options, run),
                EksFargatePlan fargate => new EksFargateSimulation(spec, prices, fargate, options, run),
                _ => throw new InvalidOperationException($"no simulation of {plan.Id}"),
            };
        }
    }
}
