using System.Globalization;
using Berth.Costing;
using ScottPlot;

namespace Berth.Reporting.Charts;

/// <summary>Monthly cost against the number of services, one line per option (dashed: infrastructure only), crossovers marked.</summary>
public static class CrossoverChart
{
    public const string Id = "chart-crossover";

    public static Chart For(CrossoverResult result)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Lines of the total monthly cost of {string.Join(", ", result.Options)} for {result.From} to {result.To} copies of the service '{result.Template}', with dashed lines for infrastructure only. ") +
            string.Join(" ", Crossover.Describe(Crossover.Cheapest(result), result.From, result.To).Select(Sentence));
        return new Chart(Id, "Monthly cost vs number of services", description, 760, 420, (plot, theme) => Draw(plot, theme, result));
    }

    private static void Draw(Plot plot, ChartTheme theme, CrossoverResult result)
    {
        var xs = result.Points.Select(p => (double)p.Services).ToArray();
        foreach (var id in result.Options)
        {
            var total = plot.Add.ScatterLine(xs, result.Points.Select(p => (double)p.TotalUsd[id]).ToArray(), ChartPalette.Option(id));
            total.LineWidth = 2.5f;
            total.LegendText = id;
            var infra = plot.Add.ScatterLine(xs, result.Points.Select(p => (double)p.InfrastructureUsd[id]).ToArray(), ChartPalette.Option(id));
            infra.LineWidth = 1.5f;
            infra.LinePattern = LinePattern.Dashed;
            infra.LegendText = id + " (infrastructure only)";
        }

        // Mark where the cheapest option (with engineering time) changes and stays changed; shade where it flaps.
        var timeline = Crossover.Cheapest(result);
        foreach (var band in timeline.Bands)
        {
            var span = plot.Add.HorizontalSpan(band.FromServices - 0.5, band.ToServices + 0.5);
            span.FillStyle.Color = theme.Ink.WithAlpha(0.08);
            span.LineStyle.Width = 0;
            span.LegendText = string.Create(CultureInfo.InvariantCulture, $"{band.FromServices}–{band.ToServices}: cheapest flaps");
        }

        foreach (var c in timeline.Crossovers)
        {
            var line = plot.Add.VerticalLine(c.AtServices, 1, theme.Ink, LinePattern.Dotted);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"from {c.AtServices}: {c.To} cheapest");
            var point = result.Points.First(p => p.Services == c.AtServices);
            var marker = plot.Add.ScatterPoints(new[] { (double)c.AtServices }, new[] { (double)point.TotalUsd[c.To] }, theme.Ink);
            marker.MarkerSize = 10;
            marker.MarkerShape = MarkerShape.OpenCircle;
        }

        plot.Axes.Margins(bottom: 0);
        plot.XLabel("Number of services");
        plot.YLabel("Cost (USD per month)");
        plot.ShowLegend(Edge.Right);
    }

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
