using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Berth.Files;
using Berth.Linting;
using Berth.Linting.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class LintCommand(CliContext cli) : Command<LintCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[path]")]
        [Description("Folders or files to lint: .tf and .tf.json (with their folder's tfvars, local modules and the registry modules terraform init fetched) and Kubernetes .yaml/.yml.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text (grouped by file, with code frames), json, sarif (2.1.0, for code scanning) or junit.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        [CommandOption("--min-severity <LEVEL>")]
        [Description("low (default, or minSeverity in .berth-lint.yaml), medium, high or critical: findings below it are not shown (SARIF carries every result with its level). Notes (a rule could not decide because a value is unknown) are always shown and never fail.")]
        public string? MinSeverity { get; init; }

        [CommandOption("--fail-on <LEVEL>")]
        [Description("low, medium, high (default, or failOn in .berth-lint.yaml) or critical: a shown, unsuppressed finding at or above it makes the exit code 1.")]
        public string? FailOn { get; init; }

        [CommandOption("--var-file <FILE>")]
        [Description("A tfvars file applied to every root module after terraform.tfvars and *.auto.tfvars (repeatable).")]
        public string[] VarFiles { get; init; } = [];

        [CommandOption("--baseline <FILE>")]
        [Description("Findings listed in this baseline (by rule, file and resource address) are reported as suppressed.")]
        public string? Baseline { get; init; }

        [CommandOption("--write-baseline <FILE>")]
        [Description("Write every current finding to this baseline file.")]
        public string? WriteBaseline { get; init; }

        [CommandOption("--force")]
        [Description("Replace the --write-baseline file even if it is not a baseline Berth wrote.")]
        public bool Force { get; init; }

        [CommandOption("--today <DATE>")]
        [Description("The date (YYYY-MM-DD) suppression expiries are compared with; default: today (UTC).")]
        public string? Today { get; init; }

        [CommandOption("--rules-markdown")]
        [Description("Print the rule table (as in the README) and exit.")]
        public bool RulesMarkdown { get; init; }

        public override ValidationResult Validate()
        {
            var format = OutputFormats.Check(Format, "text", "json", "sarif", "junit");
            if (!format.Successful)
            {
                return format;
            }

            if (MinSeverity is not null && SeverityNames.Parse(MinSeverity) is null)
            {
                return ValidationResult.Error($"--min-severity: unknown level '{MinSeverity}'; expected one of low, medium, high, critical");
            }

            if (FailOn is not null && SeverityNames.Parse(FailOn) is null)
            {
                return ValidationResult.Error($"--fail-on: unknown level '{FailOn}'; expected one of low, medium, high, critical");
            }

            if (TodayOption.Check(Today) is { Successful: false } today)
            {
                return today;
            }

            return !RulesMarkdown && Paths.Length == 0 ? ValidationResult.Error("lint needs at least one path (see 'berth lint --help')") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.RulesMarkdown)
        {
            cli.Out.Write(RuleDocs.Table(RuleRegistry.All));
            return ExitCodes.Ok;
        }

        var paths = LintInputs.Paths(cli, settings.Paths, "");
        var varFiles = LintInputs.Files(cli, settings.VarFiles, "--var-file: ");

        // A baseline that cannot be written is refused before the lint runs, not after.
        var baselineOut = settings.WriteBaseline is { } w ? SafeFileWriter.Check(w, cli.Resolve(w), BaselineFile, settings.Force) : null;
        var (config, configProblems) = LintConfig.Find(paths);
        Baseline? baseline = null;
        if (settings.Baseline is { } baselinePath)
        {
            var full = cli.Resolve(baselinePath);
            try
            {
                baseline = Baseline.Parse(InputFile.ReadAllText(full, LintInputs.MaxBaselineBytes));
            }
            catch (InputFileException e)
            {
                throw new UserErrorException("--baseline: " + full + ": " + e.Reason);
            }
            catch (FormatException e)
            {
                throw new UserErrorException("--baseline: " + full + ": " + e.Message);
            }
        }

        var today = TodayOption.Resolve(cli, settings.Today);
        var options = new LintOptions
        {
            VarFiles = varFiles,
            Today = today,
            DisabledRules = config.Disabled,
            Baseline = baseline,
            BaseDirectory = cli.WorkingDirectory,
        };
        var result = Linter.Run(paths, options);
        var min = SeverityNames.Parse(settings.MinSeverity) ?? config.MinSeverity ?? Severity.Low;
        var failOn = SeverityNames.Parse(settings.FailOn) ?? config.FailOn ?? Severity.High;
        var report = new LintReport(result, min, cli.WorkingDirectory, failOn) { ConfigurationDiagnostics = configProblems };

        foreach (var d in configProblems.Concat(result.Diagnostics))
        {
            cli.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"berth: warning: {report.RelativePath(d.Range.File)}:{d.Range.Line}:{d.Range.Column}: {d.Message}"));
        }

        if (baselineOut is not null)
        {
            var json = Baseline.FromFindings(result.Findings.Where(f => f.Suppression?.Kind != "inSource" && !f.IsNote), cli.WorkingDirectory).ToJson();
            SafeFileWriter.Write(baselineOut.Shown, baselineOut.FullPath, json, BaselineFile, settings.Force);
        }

        var version = typeof(Linter).Assembly.GetName().Version is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{v.Build}") : "0.0.0";
        if (settings.Format == "sarif")
        {
            // Streamed: the log of a large tree is tens of megabytes, not worth holding as one string.
            SarifReporter.Write(report, version, cli.Out);
        }
        else
        {
            cli.Out.Write(settings.Format switch
            {
                "json" => JsonReporter.Render(report),
                "junit" => JunitReporter.Render(report),
                _ => TextReporter.Render(report, ReadOrNull),
            });
        }

        return report.Failing.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>A baseline Berth wrote begins as <see cref="Baseline.ToJson"/> writes it, so it may be rewritten without --force.</summary>
    private static readonly Ownership BaselineFile = new("lint baseline", head => Baseline.LooksLikeOne(System.Text.Encoding.UTF8.GetString(head)));

    private static string? ReadOrNull(string path)
    {
        try
        {
            return InputFile.ReadAllText(path, LintLimits.MaxFileBytes);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
