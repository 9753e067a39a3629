using System.Globalization;
using Berth.Costing;
using ScottPlot;

namespace Berth.Reporting.Charts;

/// <summary>Monthly cost against the number of services, one line per option (dashed: infrastructure only), crossovers marked.</summary>
public static class CrossoverChart
{
    public const string Id = "chart-crossover";

    /// <summary>The service counts at which the cheapest option that can run the workload changes (Crossover's rule).</summary>
    public static IReadOnlyList<(int Services, string Cheapest)> CheapestChanges(CrossoverResult result) => Crossover.CheapestChanges(result);

    public static Chart For(CrossoverResult result)
    {
        var changes = CheapestChanges(result);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Lines of the total monthly cost of {string.Join(", ", result.Options)} for {result.From} to {result.To} copies of the service '{result.Template}', with dashed lines for infrastructure only. ") +
            (changes.Count == 0
                ? $"{result.Points[0].Cheapest(result.Options) ?? "no option"} stays the cheapest in this range."
                : string.Join(" ", changes.Select(c => string.Create(CultureInfo.InvariantCulture, $"From {c.Services} services {c.Cheapest} is the cheapest."))));
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

        // Mark where the cheapest option (with engineering time) changes: the pairwise crossings are in the table.
        foreach (var (at, cheapest) in CheapestChanges(result))
        {
            var line = plot.Add.VerticalLine(at, 1, theme.Ink, LinePattern.Dotted);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"from {at}: {cheapest} cheapest");
            var point = result.Points.First(p => p.Services == at);
            var marker = plot.Add.ScatterPoints(new[] { (double)at }, new[] { (double)point.TotalUsd[cheapest] }, theme.Ink);
            marker.MarkerSize = 10;
            marker.MarkerShape = MarkerShape.OpenCircle;
        }

        plot.Axes.Margins(bottom: 0);
        plot.XLabel("Number of services");
        plot.YLabel("Cost (USD per month)");
        plot.ShowLegend(Edge.Right);
    }
}
