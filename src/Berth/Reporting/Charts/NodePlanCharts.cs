using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Berth.Reporting.Charts;

/// <summary>The node plan: hourly cost of Karpenter's packing, Berth's and the lower bound; and each node's utilisation.</summary>
public static class NodePlanCharts
{
    public const string CostId = "chart-nodes-cost";
    public const string UtilisationId = "chart-nodes-utilisation";

    public static Chart Cost(NodePlan plan)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Bars of the hourly node cost at {plan.HourText}: Karpenter mode ${plan.Karpenter.HourlyUsd:0.####} ({plan.Karpenter.Nodes.Count} nodes), Berth mode ${plan.Berth.HourlyUsd:0.####} ({plan.Berth.Nodes.Count} nodes), lower bound ${plan.Karpenter.LowerBoundHourlyUsd:0.####}.");
        return new Chart(CostId, "Node cost per hour: Karpenter mode, Berth mode, lower bound", description, 560, 360, (plot, theme) =>
        {
            (string Label, double Value, Color Color)[] bars =
            [
                ("Karpenter mode", (double)plan.Karpenter.HourlyUsd, ChartPalette.At(1)),
                ("Berth mode", (double)plan.Berth.HourlyUsd, ChartPalette.At(2)),
                ("Lower bound", plan.Karpenter.LowerBoundHourlyUsd, ChartPalette.At(5)),
            ];
            var ticks = new NumericManual();
            for (var i = 0; i < bars.Length; i++)
            {
                var bar = plot.Add.Bar(new Bar { Position = i, Value = bars[i].Value, FillColor = bars[i].Color, LineColor = theme.Background, Size = 0.6 });
                bar.ValueLabelStyle.ForeColor = theme.Ink;
                ticks.AddMajor(i, bars[i].Label);
            }

            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Margins(bottom: 0);
            plot.XLabel("Packing");
            plot.YLabel("Node cost (USD per hour)");
        });
    }

    public static Chart Utilisation(NodePlan plan)
    {
        var nodes = plan.Karpenter.Nodes;
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Grouped bars of CPU and memory requested as a share of allocatable for each of the {nodes.Count} nodes Karpenter would launch at {plan.HourText}: ") +
            string.Join("; ", nodes.Select((n, i) => string.Create(CultureInfo.InvariantCulture,
                $"node {i + 1} {n.InstanceType} CPU {n.CpuUtilisation * 100:0}% memory {n.MemoryUtilisation * 100:0}%"))) + ".";
        var width = Math.Clamp(160 + (nodes.Count * 30), 560, 1100);
        return new Chart(UtilisationId, "Utilisation of each node (Karpenter mode)", description, width, 380, (plot, theme) =>
        {
            var cpu = new List<Bar>();
            var memory = new List<Bar>();
            var ticks = new NumericManual();
            for (var i = 0; i < nodes.Count; i++)
            {
                cpu.Add(new Bar { Position = (i * 3) + 0, Value = nodes[i].CpuUtilisation * 100, FillColor = ChartPalette.At(1), LineColor = theme.Background });
                memory.Add(new Bar { Position = (i * 3) + 1, Value = nodes[i].MemoryUtilisation * 100, FillColor = ChartPalette.At(0), LineColor = theme.Background });
                ticks.AddMajor((i * 3) + 0.5, (i + 1).ToString(CultureInfo.InvariantCulture));
            }

            plot.Add.Bars(cpu).LegendText = "CPU requested";
            plot.Add.Bars(memory).LegendText = "memory requested";
            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.SetLimitsY(0, 105);
            plot.XLabel("Node (numbered as in the table)");
            plot.YLabel("Share of allocatable (%)");
            plot.ShowLegend(Edge.Bottom);
        });
    }
}
