using Berth.Costing;
using Berth.Formatting;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Berth.Reporting.Charts;

/// <summary>Each option's monthly bill as a stacked bar, one segment per line-item group; engineering time on top, in grey.</summary>
public static class CostChart
{
    public const string Id = "chart-cost";

    /// <summary>The groups of a report in stacking order: infrastructure groups by size, then engineering time.</summary>
    public static IReadOnlyList<string> Groups(CostReport report) =>
        report.Options.SelectMany(o => o.LineItems)
            .GroupBy(l => l.Group, StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Engineering: g.All(l => l.Kind == LineItemKind.EngineeringTime), Total: g.Sum(l => Math.Abs(l.MonthlyUsd))))
            .OrderBy(g => g.Engineering)
            .ThenByDescending(g => g.Total)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .Select(g => g.Group)
            .ToArray();

    /// <summary>An option's monthly total for one group (the figure each bar segment shows).</summary>
    public static decimal GroupUsd(CostOption option, string group) =>
        option.LineItems.Where(l => l.Group == group).Sum(l => l.MonthlyUsd);

    public static Chart For(CostReport report)
    {
        var groups = Groups(report);
        var description = "Stacked bars of the monthly cost of " + string.Join(", ", report.Options.Select(o =>
            $"{o.Id} (${Fmt.Usd(o.MonthlyUsd)}, of which engineering time ${Fmt.Usd(o.EngineeringUsd)})")) +
            ", split by line-item group: " + string.Join(", ", groups) + ".";
        return new Chart(Id, "Monthly cost by line-item group", description, 760, 420, (plot, theme) => Draw(plot, theme, report, groups));
    }

    private static void Draw(Plot plot, ChartTheme theme, CostReport report, IReadOnlyList<string> groups)
    {
        var positive = new double[report.Options.Count];
        var negative = new double[report.Options.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var bars = new List<Bar>();
            var color = ChartPalette.Group(groups[g], g);
            for (var i = 0; i < report.Options.Count; i++)
            {
                var value = (double)GroupUsd(report.Options[i], groups[g]);
                if (value == 0)
                {
                    continue;
                }

                // Discounts stack downwards from zero, everything else upwards.
                ref var stack = ref value > 0 ? ref positive[i] : ref negative[i];
                bars.Add(new Bar { Position = i, ValueBase = stack, Value = stack + value, FillColor = color, LineColor = theme.Background, LineWidth = 1, Size = 0.6 });
                stack += value;
            }

            if (bars.Count == 0)
            {
                continue;
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = groups[g] == "engineering time" ? "engineering time (estimate)" : groups[g];
        }

        var ticks = new NumericManual();
        for (var i = 0; i < report.Options.Count; i++)
        {
            ticks.AddMajor(i, report.Options[i].Id);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(-0.6, report.Options.Count - 0.4);
        plot.XLabel("Option");
        plot.YLabel("Cost (USD per month)");
        plot.ShowLegend(Edge.Right);
    }
}
