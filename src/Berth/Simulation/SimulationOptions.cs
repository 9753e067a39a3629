namespace Berth.Simulation;

/// <summary>How to simulate: the horizon, the number of seeded runs, and the model's latencies.</summary>
public sealed record SimulationOptions(int Days = 7, int Runs = 1, int Seed = 42)
{
    /// <summary>
    /// The runs <c>berth simulate</c> makes by default: enough that the p50 and p95 of cost and shortfall are stable to
    /// a few percent on the examples (measured: `bench stability`; docs/simulate.md has the table).
    /// </summary>
    public const int DefaultRuns = 30;

    /// <summary>Seconds from launching a Fargate task to it serving (image pull, start, health check).</summary>
    public long FargateStartSeconds { get; init; } = 60;

    /// <summary>Seconds from binding a pod to a ready node to it serving.</summary>
    public long PodStartSeconds { get; init; } = 5;

    /// <summary>Seconds from Karpenter launching a node to it being ready.</summary>
    public long NodeStartSeconds { get; init; } = 60;

    /// <summary>Demand multiplier: 1 makes the profile's noisy peak fill <c>scaling.max</c> at the CPU target.</summary>
    public double DemandScale { get; init; } = 1.0;

    /// <summary>A monthly interruption rate for every Spot task and node instead of the advisor's bands.</summary>
    public double? SpotMonthlyRate { get; init; }

    /// <summary>Runs in parallel at most this many at a time (null: all cores); results never depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Record a per-minute time series of the first run.</summary>
    public bool TimeSeries { get; init; }

    /// <summary>Return the billing ledger with the run (the runner keeps only the first run's: the others' would only fill memory).</summary>
    internal bool KeepLedger { get; init; } = true;

    public long HorizonSeconds => Days * 86_400L;
}
