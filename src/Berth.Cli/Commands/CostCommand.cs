using System.ComponentModel;
using Berth.Cli.Infrastructure;
using Berth.Costing;
using Berth.Formatting;
using Berth.Reporting.Charts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class CostCommand(CliContext cli) : Command<CostCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml to price.")]
        public string Spec { get; init; } = "";

        [CommandOption("--infra-only")]
        [Description("Leave engineering time out.")]
        public bool InfraOnly { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text (tables), json (the stable contract), csv or markdown (for a pull-request comment).")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        [CommandOption("--compare <BASE>")]
        [Description("A berth.yaml to compare with (e.g. the spec on the main branch): what the change adds or saves a month, per option and line item.")]
        public string? Compare { get; init; }

        [CommandOption(ChartOutput.Option)]
        [Description(ChartOutput.Help)]
        public string? Chart { get; init; }

        [CommandOption(ChartOutput.ForceOption)]
        [Description(ChartOutput.ForceHelp)]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            ChartOutput.Check(Chart) is { Successful: false } chart ? chart
            : Compare is not null && Format == "csv" ? ValidationResult.Error("--compare: --format csv is not offered; use json or markdown")
            : Compare is not null && Chart is not null ? ValidationResult.Error("--compare: --chart is not offered with a comparison")
            : OutputFormats.Check(Format, "text", "json", "csv", "markdown");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var chart = ChartOutput.Check(cli, settings.Chart, settings.Force);
        var report = Guard.Costing(() => CostEngine.Estimate(spec, CostEngine.CatalogFor(spec), settings.InfraOnly));
        if (settings.Compare is not null)
        {
            var baseSpec = SpecInput.LoadChecked(cli, settings.Compare);
            var baseline = Guard.Costing(() => CostEngine.Estimate(baseSpec, CostEngine.CatalogFor(baseSpec), settings.InfraOnly));
            var comparison = CostComparison.Of(baseline, report);
            switch (settings.Format)
            {
                case "json":
                    cli.Out.Write(comparison.ToJson());
                    break;
                case "markdown":
                    cli.Out.Write(comparison.ToMarkdown(spec.Name));
                    break;
                default:
                    CostView.RenderComparison(cli.Ansi, comparison, settings.Compare, settings.Spec);
                    break;
            }

            return ExitCodes.Ok;
        }

        ChartOutput.Write(cli, chart, () => CostChart.For(report));
        switch (settings.Format)
        {
            case "json":
                cli.Out.Write(CostFormats.ToJson(report));
                break;
            case "csv":
                cli.Out.Write(CostFormats.ToCsv(report));
                break;
            case "markdown":
                cli.Out.Write(CostFormats.ToMarkdown(report, spec.Name));
                break;
            default:
                CostView.Render(cli.Ansi, report, spec.Name);
                break;
        }

        return ExitCodes.Ok;
    }
}

/// <summary>The terminal view of a cost report: one table per option, then a summary.</summary>
public static class CostView
{
    /// <summary>The comparison as tables: totals per option, then each option's changed lines.</summary>
    public static void RenderComparison(IAnsiConsole ansi, CostComparison c, string basePath, string path)
    {
        foreach (var n in c.Notes)
        {
            ansi.MarkupLine("[yellow]note:[/] " + Markup.Escape(n));
        }

        var summary = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"Monthly cost: {basePath} → {path}"));
        summary.AddColumn("Option");
        summary.AddColumn(new TableColumn("Before").RightAligned());
        summary.AddColumn(new TableColumn("After").RightAligned());
        summary.AddColumn(new TableColumn("Change").RightAligned());
        foreach (var o in c.Options)
        {
            summary.AddRow(Markup.Escape(o.Id + CostComparison.Status(o)), "$" + Fmt.Usd(o.BaseUsd), "$" + Fmt.Usd(o.HeadUsd), "[bold]" + Markup.Escape(CostComparison.Delta(o.DeltaUsd)) + "[/]");
        }

        ansi.Write(summary);
        foreach (var o in c.Options.Where(o => o.FeasibilityChanged && o.Head is { Feasible: false }))
        {
            ansi.MarkupLine(Markup.Escape($"{o.Id} can no longer run: {string.Join("; ", o.Head!.Infeasible)}"));
        }

        foreach (var o in c.Options.Where(o => o.Lines.Count > 0))
        {
            var table = new Table().Border(TableBorder.Rounded).Expand().Title($"[bold]{o.Id}[/]: lines that changed");
            table.AddColumn("Item");
            table.AddColumn("Change");
            table.AddColumn(new TableColumn("Before").RightAligned());
            table.AddColumn(new TableColumn("After").RightAligned());
            table.AddColumn(new TableColumn("Δ").RightAligned());
            foreach (var l in o.Lines)
            {
                table.AddRow(Markup.Escape(l.Description), l.Kind, "$" + Fmt.Usd(l.BaseUsd), "$" + Fmt.Usd(l.HeadUsd), Markup.Escape(CostComparison.Delta(l.DeltaUsd)));
            }

            ansi.Write(table);
        }

        if (c.Options.All(o => o.Lines.Count == 0))
        {
            ansi.WriteLine("No line item changed.");
        }
    }

    public static void Render(IAnsiConsole ansi, CostReport report, string name)
    {
        foreach (var o in report.Options)
        {
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .Title($"[bold]{o.Id}[/]: {Markup.Escape(o.Title)}")
                .Caption($"total ${Fmt.Usd(o.MonthlyUsd)} a month{(o.Estimated ? " (includes estimates, marked *)" : "")}");
            table.AddColumn("Item");
            table.AddColumn(new TableColumn("Quantity").RightAligned());
            table.AddColumn("Unit");
            table.AddColumn(new TableColumn("Unit price").RightAligned());
            table.AddColumn(new TableColumn("Monthly").RightAligned());
            foreach (var l in o.LineItems)
            {
                table.AddRow(
                    Markup.Escape(l.Description + (l.Estimated ? " *" : "")),
                    Fmt.Number(l.Quantity),
                    l.Unit,
                    "$" + l.UnitPriceUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "$" + Fmt.Usd(l.MonthlyUsd));
            }

            ansi.Write(table);
            foreach (var reason in o.Infeasible)
            {
                ansi.MarkupLine("  [red]cannot run:[/] " + Markup.Escape(reason));
            }

            foreach (var n in o.Notes)
            {
                ansi.MarkupLine("  [yellow]note:[/] " + Markup.Escape(n));
            }

            ansi.WriteLine();
        }

        var summary = new Table().Border(TableBorder.Simple).Title($"[bold]Monthly cost of {Markup.Escape(name)}[/]");
        summary.AddColumn("Option");
        summary.AddColumn(new TableColumn("Infrastructure").RightAligned());
        summary.AddColumn(new TableColumn("Engineering time").RightAligned());
        summary.AddColumn(new TableColumn("Total").RightAligned());
        foreach (var o in report.Ranked())
        {
            summary.AddRow(o.Feasible ? o.Id : o.Id + " [red](cannot run)[/]", "$" + Fmt.Usd(o.InfrastructureUsd), "$" + Fmt.Usd(o.EngineeringUsd), "[bold]$" + Fmt.Usd(o.MonthlyUsd) + "[/]");
        }

        ansi.Write(summary);
        foreach (var o in report.Ranked().Where(o => !o.Feasible))
        {
            ansi.MarkupLine(Markup.Escape($"{o.Id} cannot run: {string.Join("; ", o.Infeasible)}"));
        }

        ansi.MarkupLine(Markup.Escape($"Prices: {report.CatalogOrigin} catalog as of {report.CatalogAsOf}, region {report.Region}, {report.HoursPerMonth.ToString(System.Globalization.CultureInfo.InvariantCulture)} h/month. Engineering time is an estimate (docs/cost-model.md)."));
        foreach (var n in report.PriceNotes)
        {
            ansi.MarkupLine("[yellow]" + Markup.Escape(n) + "[/]");
        }

        var estimates = report.Options.SelectMany(o => o.Estimates).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var e in estimates.Where(e => !e.StartsWith("estimate: Berth", StringComparison.Ordinal)).Take(8))
        {
            ansi.MarkupLine("  [yellow]*[/] " + Markup.Escape(e));
        }

        if (estimates.Length > 8)
        {
            ansi.MarkupLine(Markup.Escape($"  … and {estimates.Length - 8} more (see --format json)"));
        }
    }
}
