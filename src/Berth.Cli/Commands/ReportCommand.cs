using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Berth.Costing;
using Berth.Decision;
using Berth.Linting;
using Berth.Linting.Reporting;
using Berth.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class ReportCommand(CliContext cli) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml to report on.")]
        public string Spec { get; init; } = "";

        [CommandOption("-o|--output <FILE>")]
        [Description("The HTML file to write.")]
        [DefaultValue("report.html")]
        public string Output { get; init; } = "report.html";

        [CommandOption("--lint <PATH>")]
        [Description("Also lint these folders or files (Terraform, Kubernetes YAML) and include the findings (repeatable).")]
        public string[] Lint { get; init; } = [];

        [CommandOption("--days <DAYS>")]
        [Description("Days to simulate, 1 to 366.")]
        [DefaultValue(7)]
        public int Days { get; init; } = 7;

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the simulation; the same spec and seed give the same report, byte for byte.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--runs <N>")]
        [Description("Simulation runs, 1 to 200; the table shows their p50 and p95 and a chart their spread (default: enough for p50/p95 to settle on the examples, docs/report.md).")]
        [DefaultValue(ReportOptions.DefaultRuns)]
        public int Runs { get; init; } = ReportOptions.DefaultRuns;

        [CommandOption("--today <DATE>")]
        [Description("The date (YYYY-MM-DD) lint suppression expiries are compared with; default: today (UTC).")]
        public string? Today { get; init; }

        [CommandOption("--force")]
        [Description("Replace the output file even if it is not a report Berth wrote.")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (Days is < 1 or > 366)
            {
                return ValidationResult.Error($"--days: {Days} is out of range; expected 1 to 366");
            }

            if (Runs is < 1 or > ReportOptions.MaxRuns)
            {
                return ValidationResult.Error($"--runs: {Runs} is out of range; expected 1 to {ReportOptions.MaxRuns}");
            }

            if (TodayOption.Check(Today) is { Successful: false } today)
            {
                return today;
            }

            return string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("--output: expected a file path") : ValidationResult.Success();
        }
    }

    /// <summary>A report Berth wrote names Berth as its generator, so writing it again needs no --force.</summary>
    private static readonly Ownership Report = Ownership.Text("report", "<meta name=\"generator\" content=\"Berth ");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var output = SafeFileWriter.Check(settings.Output, cli.Resolve(settings.Output), Report, settings.Force);
        var lint = settings.Lint.Length == 0 ? null : Lint(settings);
        var model = Guard.Costing(() => ReportBuilder.Build(spec, CostEngine.CatalogFor(spec), new ReportOptions(settings.Days, settings.Seed, settings.Runs), lint));
        var html = ReportHtml.Render(model);
        SafeFileWriter.Write(settings.Output, output.FullPath, html, Report, settings.Force);
        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {settings.Output} ({System.Text.Encoding.UTF8.GetByteCount(html) / 1024} KiB): {PlatformIds.Id(model.Assessment.Recommendation)} recommended{(model.Assessment.CloseCall ? " (close call)" : "")}; open it in a browser, offline"));
        return ExitCodes.Ok;
    }

    private LintSummary Lint(Settings settings)
    {
        var paths = LintInputs.Paths(cli, settings.Lint, "--lint: ");
        var (config, _) = LintConfig.Find(paths);
        var result = Linter.Run(paths, new LintOptions { Today = TodayOption.Resolve(cli, settings.Today), DisabledRules = config.Disabled, BaseDirectory = cli.WorkingDirectory });
        // The defaults of berth lint: every severity shown, high and above failing (.berth-lint.yaml may change both).
        var report = new LintReport(result, config.MinSeverity ?? Severity.Low, cli.WorkingDirectory, config.FailOn ?? Severity.High);
        return LintSummary.From(report, string.Join(' ', settings.Lint));
    }
}
