using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Berth.Cli.Rendering;
using Berth.Costing;
using Berth.Formatting;
using Berth.Reporting.Charts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class CrossoverCommand(CliContext cli) : Command<CrossoverCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml.")]
        public string Spec { get; init; } = "";

        [CommandOption("--services <RANGE>")]
        [Description("Service counts to sweep, FROM..TO.")]
        [DefaultValue("1..60")]
        public string Services { get; init; } = "1..60";

        [CommandOption("--template <SERVICE>")]
        [Description("The service to copy (default: the spec's first).")]
        public string? Template { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text (table and chart), json or csv.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        [CommandOption(ChartOutput.Option)]
        [Description(ChartOutput.Help)]
        public string? Chart { get; init; }

        [CommandOption(ChartOutput.ForceOption)]
        [Description(ChartOutput.ForceHelp)]
        public bool Force { get; init; }

        public override ValidationResult Validate() => ChartOutput.Check(Chart) is { Successful: false } chart ? chart : OutputFormats.Check(Format, "text", "json", "csv");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var chart = ChartOutput.Check(cli, settings.Chart, settings.Force);
        var result = Guard.Costing(() =>
        {
            var (from, to) = Crossover.ParseRange(settings.Services);
            return Crossover.Sweep(spec, CostEngine.CatalogFor(spec), from, to, settings.Template);
        });
        ChartOutput.Write(cli, chart, () => CrossoverChart.For(result));
        switch (settings.Format)
        {
            case "json":
                cli.Out.Write(CrossoverFormats.ToJson(result));
                break;
            case "csv":
                cli.Out.Write(CrossoverFormats.ToCsv(result));
                break;
            default:
                Text(result);
                break;
        }

        return ExitCodes.Ok;
    }

    private void Text(CrossoverResult r)
    {
        var ansi = cli.Ansi;
        var table = new Table().Border(TableBorder.Simple)
            .Title(Markup.Escape($"Monthly cost vs number of services (copies of '{r.Template}'), USD; infrastructure only in brackets"));
        table.AddColumn(new TableColumn("Services").RightAligned());
        foreach (var id in r.Options)
        {
            table.AddColumn(new TableColumn(id).RightAligned());
        }

        var step = Math.Max(1, (r.To - r.From + 1) / 12);
        foreach (var p in r.Points.Where((p, i) => i % step == 0 || p.Services == r.To))
        {
            table.AddRow([p.Services.ToString(CultureInfo.InvariantCulture), .. r.Options.Select(id => p.Feasible(id)
                ? $"{Fmt.Usd(p.TotalUsd[id])} [grey]({Fmt.Usd(p.InfrastructureUsd[id])})[/]"
                : $"[red]cannot run[/] [grey]({Fmt.Usd(p.TotalUsd[id])})[/]")]);
        }

        ansi.Write(table);
        ansi.WriteLine(char.ToUpperInvariant(r.Varied[0]) + r.Varied[1..] + ".");
        ansi.WriteLine(char.ToUpperInvariant(r.Held[0]) + r.Held[1..] + ".");
        foreach (var (id, reason) in r.Points.SelectMany(p => p.Infeasible.Select(kv => (kv.Key, p.Services, kv.Value))).GroupBy(x => x.Key).Select(g => (g.Key, g.First())).OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            ansi.WriteLine(Markup.Escape($"{id} cannot run from {reason.Services} services on: {reason.Value}"));
        }

        ansi.WriteLine();
        ansi.WriteLine("Total monthly cost (with engineering time):");
        foreach (var line in TextChart.Lines(r.Points.Select(p => (double)p.Services).ToArray(),
                     r.Options.Select(id => (id, r.Points.Select(p => (double)p.TotalUsd[id]).ToArray())).ToArray(), 64, 14))
        {
            ansi.WriteLine(line);
        }

        ansi.WriteLine();
        foreach (var line in Crossover.Describe(Crossover.Cheapest(r), r.From, r.To))
        {
            ansi.WriteLine(line);
        }

        if (r.Crossings.Count > 0)
        {
            ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({r.Crossings.Count} pairwise crossings of two options' lines, flapping included: --format json lists them.)"));
        }
    }
}
