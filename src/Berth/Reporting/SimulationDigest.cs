using Berth.Simulation;

namespace Berth.Reporting;

/// <summary>One hour (or day) of one option's first run: mean and peak demand and mean serving capacity in vCPU, and cost so far.</summary>
public sealed record SimulationBucket(int Index, double DemandVcpu, double ServingVcpu, double PeakDemandVcpu, double CostUsd);

/// <summary>
/// One option: its first run's time series reduced to hours (for charts) and days (for the table), the first run, the
/// summary over every run, and the values the spread chart plots: each run's monthly cost and every simulated day's
/// shortfall minutes (all runs).
/// </summary>
public sealed record SimulatedOption(string Id, IReadOnlyList<SimulationBucket> Hours, IReadOnlyList<SimulationBucket> Days, OptionRun Run, OptionSummary Summary)
{
    public IReadOnlyList<double> MonthlyUsdByRun { get; init; } = [];

    public IReadOnlyList<int> ShortfallMinutesByDay { get; init; } = [];
}

/// <summary>
/// The simulation as the report shows it: percentiles over every run, and the first run's per-minute series in hours
/// and days. Unserved demand and interruptions are totals per run (the series samples each minute once, so it cannot
/// show short shortfalls). <see cref="Notes"/> are the runner's, including where runs disagree widely.
/// </summary>
public sealed record SimulationDigest(SimulationOptions Settings, IReadOnlyList<SimulatedOption> Options)
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static SimulationDigest From(SimulationReport report)
    {
        var first = report.Runs[0];
        var options = first.Select((run, k) => new SimulatedOption(
            run.Id,
            Buckets(run.TimeSeries, 60),
            Buckets(run.TimeSeries, 1440),
            run,
            report.Summaries[k])
        {
            MonthlyUsdByRun = report.Runs.Select(r => r[k].MonthlyUsd).ToArray(),
            ShortfallMinutesByDay = report.Runs.SelectMany(r => r[k].ShortfallMinutesPerDay).ToArray(),
        }).ToArray();
        return new SimulationDigest(report.Settings, options) { Notes = report.Notes };
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
