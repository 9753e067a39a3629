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
            // Only the first run records the time series: it is what --format csv writes.
            var o = r == 0 ? options : options with { TimeSeries = false };
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
        }).ToArray();
        return new SimulationReport(options, runs, summaries);
    }

    /// <summary>Every plan <c>berth cost</c> prices for this spec, in its order: every one of them is simulated.</summary>
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
