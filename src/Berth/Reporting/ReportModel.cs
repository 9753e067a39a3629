using Berth.Catalog;
using Berth.Costing;
using Berth.Decision;
using Berth.Spec;

namespace Berth.Reporting;

/// <summary>What the report covers beyond the spec: the simulated days, seed and runs, and the crossover's range.</summary>
public sealed record ReportOptions(int Days = 7, int Seed = 42, int Runs = ReportOptions.DefaultRuns)
{
    /// <summary>
    /// Simulation runs in the report. Measured on the three examples (7 days, 5 base seeds each, docs/report.md): from
    /// 20 runs the p50 and p95 of every option's monthly cost agree across seeds within 0.3%, and the p95 of shortfall
    /// minutes a day within one minute (it is counted in whole minutes: 2–3 on the platform example's Karpenter, 3 on
    /// startup's, 1 on multi-client's); at 5 and 10 runs multi-client's p95 still moved between 1 and 2 minutes.
    /// </summary>
    public const int DefaultRuns = 20;

    /// <summary>The most runs <c>berth report --runs</c> accepts: each run replays every option minute by minute.</summary>
    public const int MaxRuns = 200;

    /// <summary>The largest service count the crossover sweeps: twice the spec's services, within 20 to 60 (each point is a full costing).</summary>
    public static int CrossoverTo(BerthSpec spec) => Math.Clamp(spec.Services.Count * 2, 20, 60);
}

/// <summary>A section's result, or why it could not be produced (the report says so rather than leave it out).</summary>
public sealed record Section<T>(T? Value, string? Unavailable)
    where T : class;

public static class Section
{
    public static Section<T> Of<T>(T value)
        where T : class => new(value, null);

    public static Section<T> Missing<T>(string why)
        where T : class => new(null, why);
}

/// <summary>Everything the report shows, computed; <see cref="ReportHtml"/> only formats it.</summary>
public sealed record ReportModel(
    BerthSpec Spec,
    PriceCatalog Catalog,
    ReportOptions Options,
    Assessment Assessment,
    CostReport Cost,
    Section<CrossoverResult> Crossover,
    Section<NodePlan> Nodes,
    Section<SimulationDigest> Simulation,
    Section<LintSummary> Lint,
    string Version);
