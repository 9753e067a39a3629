using System.ComponentModel;
using System.Globalization;
using System.Text;
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
                cli.Out.Write(Json(result));
                break;
            case "csv":
                cli.Out.Write(Csv(result));
                break;
            default:
                Text(result);
                break;
        }

        return ExitCodes.Ok;
    }

    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Csv(CrossoverResult r)
    {
        var sb = new StringBuilder("services");
        foreach (var id in r.Options)
        {
            sb.Append(',').Append(id).Append(',').Append(id).Append("-infra-only");
        }

        sb.Append('\n');
        foreach (var p in r.Points)
        {
            sb.Append(p.Services.ToString(CultureInfo.InvariantCulture));
            foreach (var id in r.Options)
            {
                sb.Append(',').Append(Inv(p.TotalUsd[id])).Append(',').Append(Inv(p.InfrastructureUsd[id]));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(CrossoverResult r)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("template", r.Template);
            w.WriteNumber("from", r.From);
            w.WriteNumber("to", r.To);
            w.WriteStartArray("points");
            foreach (var p in r.Points)
            {
                w.WriteStartObject();
                w.WriteNumber("services", p.Services);
                w.WriteStartObject("monthlyUsd");
                foreach (var id in r.Options)
                {
                    w.WriteNumber(id, p.TotalUsd[id]);
                }

                w.WriteEndObject();
                w.WriteStartObject("infrastructureMonthlyUsd");
                foreach (var id in r.Options)
                {
                    w.WriteNumber(id, p.InfrastructureUsd[id]);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("crossovers");
            foreach (var c in r.Crossings)
            {
                w.WriteStartObject();
                w.WriteString("cheaper", c.Cheaper);
                w.WriteString("dearer", c.Dearer);
                w.WriteNumber("atServices", c.AtServices);
                w.WriteBoolean("withEngineeringTime", c.WithEngineering);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
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
            table.AddRow([p.Services.ToString(CultureInfo.InvariantCulture), .. r.Options.Select(id => $"{Fmt.Usd(p.TotalUsd[id])} [grey]({Fmt.Usd(p.InfrastructureUsd[id])})[/]")]);
        }

        ansi.Write(table);
        ansi.WriteLine();
        ansi.WriteLine("Total monthly cost (with engineering time):");
        foreach (var line in TextChart.Lines(r.Points.Select(p => (double)p.Services).ToArray(),
                     r.Options.Select(id => (id, r.Points.Select(p => (double)p.TotalUsd[id]).ToArray())).ToArray(), 64, 14))
        {
            ansi.WriteLine(line);
        }

        ansi.WriteLine();
        if (r.Crossings.Count == 0)
        {
            ansi.WriteLine("No crossover in this range: the cheapest option stays the same.");
        }

        foreach (var c in r.Crossings)
        {
            ansi.WriteLine("crossover: " + c.Describe());
        }
    }
}
