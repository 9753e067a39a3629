using Berth.Catalog;
using Berth.Costing;
using Berth.Decision;
using Berth.Spec;

namespace Berth.Reporting;

/// <summary>What the report covers beyond the spec: the simulated days and seed, and the crossover's range.</summary>
public sealed record ReportOptions(int Days = 7, int Seed = 42)
{
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
