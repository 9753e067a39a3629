using System.Globalization;
using Berth.Catalog;
using Berth.Costing;
using Berth.Decision;
using Berth.Packing;
using Berth.Simulation;
using Berth.Spec;

namespace Berth.Reporting;

/// <summary>Runs each engine the report draws on, for one spec and catalog. Pure: no disk, no clock.</summary>
public static class ReportBuilder
{
    public static ReportModel Build(BerthSpec spec, PriceCatalog catalog, ReportOptions options, LintSummary? lint = null)
    {
        var cost = CostEngine.Estimate(spec, catalog);
        var assessment = DecisionEngine.Assess(spec, cost);
        return new ReportModel(
            spec,
            catalog,
            options,
            assessment,
            cost,
            Try(() => Crossover.Sweep(spec, catalog, 1, ReportOptions.CrossoverTo(spec))),
            Try(() => Nodes(spec, catalog)),
            Try(() => SimulationDigest.From(SimulationRunner.Run(spec, catalog, new SimulationOptions(options.Days, options.Runs, options.Seed) { TimeSeries = true }))),
            lint is null ? Section.Missing<LintSummary>("Lint was not run for this report: pass --lint PATH (the Terraform and manifests of the platform) to include its findings.") : Section.Of(lint),
            Version());
    }

    private static Section<NodePlan> Nodes(BerthSpec spec, PriceCatalog catalog)
    {
        var table = Packer.Table(spec, catalog);
        var hour = PodSet.PeakHour(spec);
        var pods = PodSet.AtHour(spec, hour);
        if (pods.Pods.Count == 0)
        {
            return Section.Missing<NodePlan>("No node plan: the spec has no pods to place at its busiest hour.");
        }

        var karpenter = KarpenterPacker.Pack(table, pods);
        return Section.Of(new NodePlan(hour, karpenter, BerthPacker.Pack(table, pods, karpenter)));
    }

    /// <summary>A section whose engine rejects this input says why instead of failing the whole report.</summary>
    private static Section<T> Try<T>(Func<T> run)
        where T : class
    {
        try
        {
            return Section.Of(run());
        }
        catch (CostingException e)
        {
            return Section.Missing<T>("Not in this report: " + e.Message);
        }
    }

    private static Section<T> Try<T>(Func<Section<T>> run)
        where T : class
    {
        try
        {
            return run();
        }
        catch (CostingException e)
        {
            return Section.Missing<T>("Not in this report: " + e.Message);
        }
    }

    private static string Version() =>
        typeof(ReportBuilder).Assembly.GetName().Version is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{v.Build}")
            : "0.0.0";
}
