using System.Globalization;
using ScottPlot;

namespace Berth.Reporting.Charts;

/// <summary>The simulated days: demand against each option's serving capacity, unserved demand, and cost as it accrues.</summary>
public static class SimulationCharts
{
    public const string CapacityId = "chart-sim-capacity";
    public const string CostId = "chart-sim-cost";
    public const string CostSpreadId = "chart-sim-cost-spread";
    public const string ShortfallSpreadId = "chart-sim-shortfall-spread";

    /// <summary>Each run's monthly cost as a percentage above or below the option's p50, with the p5-to-p95 band drawn as bars: how far one run could mislead.</summary>
    public static Chart CostSpread(SimulationDigest sim)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Points for each of {sim.Settings.Runs} runs' monthly cost relative to its option's median, with bars at the median and the 95th percentile: ") +
            string.Join("; ", sim.Options.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{o.Id} ranges from ${o.Summary.MonthlyUsd.Min:#,##0} to ${o.Summary.MonthlyUsd.Max:#,##0} (p50 ${o.Summary.MonthlyUsd.P50:#,##0}, p95 ${o.Summary.MonthlyUsd.P95:#,##0})"))) + ".";
        return new Chart(CostSpreadId, "Monthly cost across runs", description, 760, 360, (plot, theme) =>
            Strip(plot, theme, sim, o => o.MonthlyUsdByRun.Select(v => Relative(v, o.Summary.MonthlyUsd.P50)).ToArray(),
                o => (Relative(o.Summary.MonthlyUsd.P50, o.Summary.MonthlyUsd.P50), Relative(o.Summary.MonthlyUsd.P95, o.Summary.MonthlyUsd.P50)),
                "Monthly cost vs the option's p50 (%)"));
    }

    /// <summary>Every simulated day's shortfall minutes (all runs), with bars at the p50 and p95.</summary>
    public static Chart ShortfallSpread(SimulationDigest sim)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Points for the shortfall minutes of each simulated day of {sim.Settings.Runs} runs, with bars at the median and the 95th percentile: ") +
            string.Join("; ", sim.Options.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{o.Id} p50 {o.Summary.ShortfallMinutesPerDay.P50:0.#}, p95 {o.Summary.ShortfallMinutesPerDay.P95:0.#}, worst day {o.Summary.ShortfallMinutesPerDay.Max:0}"))) + ".";
        return new Chart(ShortfallSpreadId, "Shortfall minutes per day across runs", description, 760, 360, (plot, theme) =>
            Strip(plot, theme, sim, o => o.ShortfallMinutesByDay.Select(m => (double)m).ToArray(),
                o => (o.Summary.ShortfallMinutesPerDay.P50, o.Summary.ShortfallMinutesPerDay.P95),
                "Shortfall minutes per day"));
    }

    private static double Relative(double value, double p50) => p50 == 0 ? 0 : ((value / p50) - 1) * 100;

    /// <summary>One column per option: its values as points, spread sideways by index (deterministic), and bars at p50 and p95.</summary>
    private static void Strip(Plot plot, ChartTheme theme, SimulationDigest sim, Func<SimulatedOption, double[]> values,
        Func<SimulatedOption, (double P50, double P95)> percentiles, string yLabel)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < sim.Options.Count; i++)
        {
            var o = sim.Options[i];
            var ys = values(o);
            var xs = ys.Select((_, j) => i + (((j % 9) - 4) * 0.05)).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, ChartPalette.Option(o.Id).WithAlpha(0.6));
            points.MarkerSize = 5;
            var (p50, p95) = percentiles(o);
            var median = plot.Add.ScatterPoints(new[] { (double)i }, new[] { p50 }, theme.Ink);
            median.MarkerShape = MarkerShape.HorizontalBar;
            median.MarkerSize = 40;
            median.MarkerLineWidth = 3;
            var high = plot.Add.ScatterPoints(new[] { (double)i }, new[] { p95 }, theme.Ink);
            high.MarkerShape = MarkerShape.HorizontalBar;
            high.MarkerSize = 30;
            high.MarkerLineWidth = 1.5f;
            if (i == 0)
            {
                median.LegendText = "p50";
                high.LegendText = "p95";
            }

            ticks.AddMajor(i, o.Id);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, sim.Options.Count - 0.4);
        plot.XLabel("Option");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
    }

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
