using System.Globalization;
using ScottPlot;

namespace Berth.Reporting.Charts;

/// <summary>The simulated days: demand against each option's serving capacity, unserved demand, and cost as it accrues.</summary>
public static class SimulationCharts
{
    public const string CapacityId = "chart-sim-capacity";
    public const string CostId = "chart-sim-cost";

    public static Chart Capacity(SimulationDigest sim)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Lines of hourly mean demand and serving capacity in vCPU over {sim.Settings.Days} simulated days (seed {sim.Settings.Seed}): ") +
            string.Join("; ", sim.Options.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{o.Id} serves {o.Hours.Average(h => h.ServingVcpu):0.#} vCPU on average against {o.Hours.Average(h => h.DemandVcpu):0.#} demanded"))) + ".";
        return new Chart(CapacityId, "Demand and serving capacity over the simulated days", description, 760, 400, (plot, theme) =>
        {
            foreach (var o in sim.Options)
            {
                var line = plot.Add.ScatterLine(Days(o.Hours), o.Hours.Select(h => h.ServingVcpu).ToArray(), ChartPalette.Option(o.Id));
                line.LineWidth = 2;
                line.LegendText = o.Id + " serving capacity";
            }

            // Every option sees the same demand: draw it once, in ink, on top.
            var demand = sim.Options[0];
            var d = plot.Add.ScatterLine(Days(demand.Hours), demand.Hours.Select(h => h.DemandVcpu).ToArray(), theme.Ink);
            d.LineWidth = 1.5f;
            d.LinePattern = LinePattern.Dashed;
            d.LegendText = "demand";
            Axes(plot, "vCPU (hourly mean)");
        });
    }

    public static Chart Cost(SimulationDigest sim)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Lines of the cumulative cost in USD over {sim.Settings.Days} simulated days: ") +
            string.Join("; ", sim.Options.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{o.Id} reaches ${o.Run.CostUsd:#,##0.00} (${o.Run.MonthlyUsd:#,##0.00} a month)"))) + ".";
        return new Chart(CostId, "Cost over the simulated days", description, 760, 360, (plot, theme) =>
        {
            foreach (var o in sim.Options)
            {
                var line = plot.Add.ScatterLine(Days(o.Hours), o.Hours.Select(h => h.CostUsd).ToArray(), ChartPalette.Option(o.Id));
                line.LineWidth = 2;
                line.LegendText = o.Id;
            }

            Axes(plot, "Cumulative cost (USD)");
        });
    }

    /// <summary>Hour buckets placed at their end, in days.</summary>
    private static double[] Days(IReadOnlyList<SimulationBucket> hours) => hours.Select(h => (h.Index + 1) / 24.0).ToArray();

    private static void Axes(Plot plot, string yLabel)
    {
        plot.XLabel("Time (days)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
    }
}
