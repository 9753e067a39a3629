using Berth.Simulation;

namespace Berth.Reporting;

/// <summary>One hour (or day) of one option's first run: mean and peak demand and mean serving capacity in vCPU, and cost so far.</summary>
public sealed record SimulationBucket(int Index, double DemandVcpu, double ServingVcpu, double PeakDemandVcpu, double CostUsd);

/// <summary>One option's first-run time series reduced to hours (for charts) and days (for the table).</summary>
public sealed record SimulatedOption(string Id, IReadOnlyList<SimulationBucket> Hours, IReadOnlyList<SimulationBucket> Days, OptionRun Run, OptionSummary Summary);

/// <summary>
/// The simulation as the report shows it: the first run's per-minute series in hours and days. Unserved demand and
/// interruptions are the run's totals (the series samples each minute once, so it cannot show short shortfalls).
/// </summary>
public sealed record SimulationDigest(SimulationOptions Settings, IReadOnlyList<SimulatedOption> Options)
{
    public static SimulationDigest From(SimulationReport report)
    {
        var first = report.Runs[0];
        var options = first.Select((run, k) => new SimulatedOption(
            run.Id,
            Buckets(run.TimeSeries, 60),
            Buckets(run.TimeSeries, 1440),
            run,
            report.Summaries[k])).ToArray();
        return new SimulationDigest(report.Settings, options);
    }

    private static SimulationBucket[] Buckets(IReadOnlyList<TimeSeriesPoint> series, int minutes) =>
        series.GroupBy(p => p.Minute / minutes)
            .OrderBy(g => g.Key)
            .Select(g => new SimulationBucket(
                g.Key,
                g.Average(p => p.DemandVcpu),
                g.Average(p => p.ServingVcpu),
                g.Max(p => p.DemandVcpu),
                g.Last().CostUsd))
            .ToArray();
}
