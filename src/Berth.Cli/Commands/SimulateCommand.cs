using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Berth.Costing;
using Berth.Reporting.Charts;
using Berth.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class SimulateCommand(CliContext cli) : Command<SimulateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml.")]
        public string Spec { get; init; } = "";

        [CommandOption("--days <DAYS>")]
        [Description("Days to simulate, 1 to 366.")]
        [DefaultValue(7)]
        public int Days { get; init; } = 7;

        [CommandOption("--runs <N>")]
        [Description("Seeded runs, 1 to 100000, in parallel; percentiles and the spread are across them (default: enough for stable percentiles).")]
        [DefaultValue(SimulationOptions.DefaultRuns)]
        public int Runs { get; init; } = SimulationOptions.DefaultRuns;

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the first run; the same seed gives the same output.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--start-latency <SECONDS>")]
        [Description("Seconds from launching a Fargate task to it serving.")]
        [DefaultValue(60)]
        public int StartLatency { get; init; } = 60;

        [CommandOption("--demand-scale <FACTOR>")]
        [Description("Multiply every service's demand (1: the profile's peak fills scaling.max at the CPU target).")]
        [DefaultValue(1.0)]
        public double DemandScale { get; init; } = 1.0;

        [CommandOption("--threads <N>")]
        [Description("Run at most N simulations at once (default: all cores); the output does not depend on it.")]
        public int? Threads { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text, json (percentiles across runs) or csv (the first run's per-minute time series).")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        [CommandOption(ChartOutput.Option)]
        [Description(ChartOutput.Help)]
        public string? Chart { get; init; }

        [CommandOption(ChartOutput.ForceOption)]
        [Description(ChartOutput.ForceHelp)]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (Days is < 1 or > 366)
            {
                return ValidationResult.Error($"--days: {Days} is out of range; expected 1 to 366");
            }

            if (Runs is < 1 or > 100_000)
            {
                return ValidationResult.Error($"--runs: {Runs} is out of range; expected 1 to 100000");
            }

            if (StartLatency is < 0 or > 3600)
            {
                return ValidationResult.Error($"--start-latency: {StartLatency} is out of range; expected 0 to 3600 seconds");
            }

            if (DemandScale is <= 0 or > 100 || double.IsNaN(DemandScale))
            {
                return ValidationResult.Error("--demand-scale: expected a factor above 0 and at most 100");
            }

            if (Threads is < 1)
            {
                return ValidationResult.Error("--threads: expected at least 1");
            }

            return ChartOutput.Check(Chart) is { Successful: false } chart ? chart : OutputFormats.Check(Format, "text", "json", "csv");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var chart = ChartOutput.Check(cli, settings.Chart, settings.Force);
        var options = new SimulationOptions(settings.Days, settings.Runs, settings.Seed)
        {
            FargateStartSeconds = settings.StartLatency,
            DemandScale = settings.DemandScale,
            MaxDegreeOfParallelism = settings.Threads,
            TimeSeries = settings.Format == "csv" || settings.Chart is not null,
        };
        var catalog = Guard.Costing(() => CostEngine.CatalogFor(spec));
        var report = ShowProgress(spec.Services.Count, options)
            ? Guard.Costing(() => WithProgressBar(cli.Error, options, progress => SimulationRunner.Run(spec, catalog, options, progress)))
            : Guard.Costing(() => SimulationRunner.Run(spec, catalog, options));
        ChartOutput.Write(cli, chart, () => SimulationCharts.Capacity(Reporting.SimulationDigest.From(report)));
        switch (settings.Format)
        {
            case "json":
                cli.Out.Write(SimulationFormats.ToJson(report));
                return ExitCodes.Ok;
            case "csv":
                cli.Out.Write(SimulationFormats.ToCsv(report));
                return ExitCodes.Ok;
            default:
                break;
        }

        var ansi = cli.Ansi;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Name}: {settings.Days} days, {settings.Runs} run(s), seed {settings.Seed} (p50 / p95 across runs)")));
        table.AddColumns("Option", "$/month", "Unserved demand", "Shortfall min/day", "Scale events");
        table.Caption(settings.Runs > 1 ? "Spread across runs (min to max): see notes where it is wide; --format json has it for every metric." : "One run: percentiles need --runs 2 or more.");
        var risks = new Table().Border(TableBorder.Rounded).Title("Spot and nodes (p50 / p95)");
        risks.AddColumns("Option", "Spot interruptions", "In-flight losses", "Nodes (avg)", "Node CPU requested");
        foreach (var o in report.Summaries)
        {
            var nodes = o.PeakNodes.P95 > 0;
            table.AddRow(
                o.Id,
                Pair(o.MonthlyUsd, "0.00"),
                Pair(o.UnservedDemandPct, "0.###") + " %",
                Pair(o.ShortfallMinutesPerDay, "0.#"),
                Pair(o.ScaleEvents, "0.#"));
            risks.AddRow(
                o.Id,
                Pair(o.Interruptions, "0.#"),
                Pair(o.InFlightLosses, "0.#"),
                nodes ? Pair(o.AverageNodes, "0.#") : "-",
                nodes ? Pair(o.NodeCpuUtilisationPct, "0") + " %" : "-");
        }

        ansi.Write(table);
        ansi.Write(risks);
        if (report.Summaries.Any(o => o.Queues.Any(q => q.PeakMessages.Max > 0)))
        {
            var queues = new Table().Border(TableBorder.Rounded).Title("Queued work, nothing lost (p50 / p95)");
            queues.AddColumns("Option", "Service", "Peak backlog (messages)", "Time to drain", "Oldest message");
            foreach (var o in report.Summaries)
            {
                foreach (var q in o.Queues.Where(q => q.PeakMessages.Max > 0))
                {
                    var drain = q.UndrainedRuns == settings.Runs ? "not drained" : Seconds(q.TimeToDrainSeconds) + (q.UndrainedRuns > 0 ? " *" : "");
                    queues.AddRow(o.Id, q.Service, Pair(q.PeakMessages, "0"), drain, Seconds(q.OldestMessageAgeSeconds));
                }
            }

            ansi.Write(queues);
            foreach (var o in report.Summaries.Where(o => o.Queues.Any(q => q.PeakMessages.Max == 0)))
            {
                var idle = o.Queues.Where(q => q.PeakMessages.Max == 0).Select(q => q.Service).ToArray();
                ansi.WriteLine($"{o.Id}: no backlog in any run for {(idle.Length == o.Queues.Count ? "any of its queues" : string.Join(", ", idle))}.");
            }

            if (report.Summaries.Any(o => o.Queues.Any(q => q.UndrainedRuns > 0)))
            {
                ansi.WriteLine("Time to drain: from the largest backlog back to the scaler's setpoint (a minute of the consumers' work). * over the runs that drained; in others the backlog was still above it at the end.");
            }
        }

        foreach (var n in report.Notes)
        {
            ansi.MarkupLine("[yellow]note:[/] " + Markup.Escape(n));
        }

        foreach (var o in report.Summaries)
        {
            foreach (var n in o.Notes)
            {
                ansi.MarkupLine("[yellow]" + Markup.Escape(o.Id) + ":[/] " + Markup.Escape(n));
            }
        }

        ansi.WriteLine("Cost is integrated over running tasks and nodes by the second, at berth cost's prices, and scaled to a month. Shortfall minutes: minutes of a day in which some service was served less than its demand (p50 / p95 over every day of every run). Model and assumptions: docs/simulate.md.");
        return ExitCodes.Ok;
    }

    /// <summary>A run long enough to watch: about a second or more of simulation (runs × days × services).</summary>
    private bool ShowProgress(int services, SimulationOptions options) =>
        cli.ErrorIsTerminal
        && (long)options.Runs * options.Days * Math.Max(1, services) >= LongRun;

    private const long LongRun = 2_000;

    /// <summary>A progress bar on stderr (never stdout, so json and csv stay clean) over runs × days.</summary>
    private static SimulationReport WithProgressBar(TextWriter error, SimulationOptions options, Func<IProgress<int>, SimulationReport> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        SimulationReport? report = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("simulating", maxValue: (double)options.Runs * options.Days);
                report = run(new DaysDone(task));
            });
        return report!;
    }

    /// <summary>Each report is one more simulated day (reports from parallel runs may arrive out of order, so count them).</summary>
    private sealed class DaysDone(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Increment(1);
    }

    /// <summary>Seconds as p50 / p95, in s, min or h as fits the p95.</summary>
    private static string Seconds(Percentiles p) =>
        p.P95 >= 7_200 ? Pair(new Percentiles(p.P50 / 3_600, p.P95 / 3_600), "0.#") + " h"
        : p.P95 >= 120 ? Pair(new Percentiles(p.P50 / 60, p.P95 / 60), "0.#") + " min"
        : Pair(p, "0") + " s";

    private static string Pair(Percentiles p, string format) =>
        p.P50.ToString(format, CultureInfo.InvariantCulture) + " / " + p.P95.ToString(format, CultureInfo.InvariantCulture);
}
