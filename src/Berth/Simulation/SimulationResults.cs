namespace Berth.Simulation;

/// <summary>
/// One minute of one option in the first run: demand, serving capacity, running units and cost so far; on EKS with
/// nodes, the node count and the CPU the bound pods request as a percentage of the nodes' allocatable CPU (0 without nodes).
/// </summary>
public readonly record struct TimeSeriesPoint(int Minute, double DemandVcpu, double ServingVcpu, int RunningUnits, double CostUsd, int Nodes = 0, double NodeCpuUtilisationPct = 0)
{
    /// <summary>Messages waiting in every event-sourced service's queue or topic at the end of the minute.</summary>
    public double BacklogMessages { get; init; }

    /// <summary>The oldest waiting message's age across those queues, seconds.</summary>
    public double OldestMessageAgeSeconds { get; init; }
}

/// <summary>
/// One event-sourced service's queue over a run: the largest backlog (messages), how long it took to drain back to the
/// scaler's setpoint (<paramref name="Drained"/> false: it had not by the horizon, and the time is since the peak), the
/// oldest message's age, and the messages that arrived, were processed and still wait — arrived = processed + waiting.
/// </summary>
public sealed record QueueRun(
    string Service,
    double PeakMessages,
    long TimeToDrainSeconds,
    bool Drained,
    double OldestMessageAgeSeconds,
    double ArrivedMessages,
    double ProcessedMessages,
    double WaitingMessages);

/// <summary>One event-sourced service's queue across runs; the drain time's percentiles are over the runs whose backlog drained.</summary>
public sealed record QueueSummary(string Service, Percentiles PeakMessages, Percentiles TimeToDrainSeconds, Percentiles OldestMessageAgeSeconds, int UndrainedRuns);

/// <summary>A stretch of billed capacity: a task or node from start to stop, at a price per hour.</summary>
public readonly record struct LedgerEntry(long Start, long Stop, double UsdPerHour);

/// <summary>What one run of one option measured.</summary>
public sealed record OptionRun(
    string Id,
    double CostUsd,
    double MonthlyUsd,
    double DemandedVcpuSeconds,
    double ServedVcpuSeconds,
    int Interruptions,
    int InFlightLosses,
    int ScaleEvents,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<TimeSeriesPoint> TimeSeries)
{
    public double UnservedDemandPct => DemandedVcpuSeconds <= 0 ? 0 : 100.0 * (DemandedVcpuSeconds - ServedVcpuSeconds) / DemandedVcpuSeconds;

    /// <summary>Per simulated day, the minutes in which some service was served less than its demand for at least a second.</summary>
    public IReadOnlyList<int> ShortfallMinutesPerDay { get; init; } = [];

    /// <summary>Time-weighted mean number of nodes (0 for options without nodes).</summary>
    public double AverageNodes { get; init; }

    /// <summary>The most nodes at once.</summary>
    public int PeakNodes { get; init; }

    /// <summary>CPU requested by bound pods over the nodes' allocatable CPU, both integrated over time, in percent.</summary>
    public double NodeCpuUtilisationPct { get; init; }

    /// <summary>Nodes Karpenter's consolidation deleted (empty, or drained onto the other nodes).</summary>
    public int NodesConsolidated { get; init; }

    /// <summary>Nodes Karpenter's consolidation replaced with a cheaper one.</summary>
    public int NodesReplaced { get; init; }

    /// <summary>Each event-sourced service's queue, in spec order.</summary>
    public IReadOnlyList<QueueRun> Queues { get; init; } = [];
}

/// <summary>The 50th and 95th percentiles of a metric across runs, and its spread: the lowest and highest values.</summary>
public readonly record struct Percentiles(double P50, double P95)
{
    public double Min { get; init; }

    public double Max { get; init; }

    /// <summary>Linear interpolation between closest ranks (R-7, as Excel's PERCENTILE.INC).</summary>
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? default : new Percentiles(At(sorted, 0.5), At(sorted, 0.95)) { Min = sorted[0], Max = sorted[^1] };
    }

    private static double At(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}

/// <summary>One option across every run.</summary>
public sealed record OptionSummary(
    string Id,
    Percentiles MonthlyUsd,
    Percentiles UnservedDemandPct,
    Percentiles Interruptions,
    Percentiles InFlightLosses,
    Percentiles ScaleEvents,
    IReadOnlyList<string> Notes)
{
    /// <summary>Shortfall minutes per day: percentiles over every simulated day of every run.</summary>
    public Percentiles ShortfallMinutesPerDay { get; init; }

    public Percentiles AverageNodes { get; init; }

    public Percentiles PeakNodes { get; init; }

    public Percentiles NodeCpuUtilisationPct { get; init; }

    /// <summary>Each event-sourced service's queue, in spec order.</summary>
    public IReadOnlyList<QueueSummary> Queues { get; init; } = [];
}

/// <summary>Every run (in run order) and the per-option summaries.</summary>
public sealed record SimulationReport(SimulationOptions Settings, IReadOnlyList<IReadOnlyList<OptionRun>> Runs, IReadOnlyList<OptionSummary> Summaries)
{
    /// <summary>What holds for every option: the model's assumptions about this spec, and where runs disagree widely.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
