using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Berth.Linting.Reporting;

/// <summary>
/// What every reporter needs: the result, the display threshold (<see cref="MinSeverity"/>: findings below it are not
/// shown), the failure threshold (<see cref="FailOn"/>: shown, unsuppressed findings at or above it fail the run) and
/// the folder paths are made relative to. Every severity is shown by default, as Checkov, Trivy, tflint, kube-score
/// and Polaris do; only the exit code has a threshold.
/// </summary>
public sealed record LintReport(LintResult Result, Severity MinSeverity, string BaseDirectory, Severity FailOn = Severity.High)
{
    /// <summary>Problems in the lint configuration (<c>.berth-lint.yaml</c>), reported beside the run's own diagnostics.</summary>
    public IReadOnlyList<LintDiagnostic> ConfigurationDiagnostics { get; init; } = [];

    /// <summary>Findings at or above the display threshold (suppressed ones included, marked), and the notes.</summary>
    public IReadOnlyList<Finding> Shown => Result.Findings.Where(f => f.Severity >= MinSeverity || f.IsNote).ToList();

    /// <summary>What fails the run: shown, unsuppressed findings at or above <see cref="FailOn"/>; notes never do.</summary>
    public IReadOnlyList<Finding> Failing => Result.Findings.Where(IsFailing).ToList();

    /// <summary>Shown, unsuppressed findings: the failing ones and those below <see cref="FailOn"/>.</summary>
    public IReadOnlyList<Finding> Active => Result.Findings.Where(f => f.Severity >= MinSeverity && !f.IsNote && !f.IsSuppressed).ToList();

    /// <summary>Where a rule could not decide because a value is unknown.</summary>
    public IReadOnlyList<Finding> Notes => Result.Findings.Where(f => f.IsNote && !f.IsSuppressed).ToList();

    /// <summary>Shown findings that do not fail (below <see cref="FailOn"/>).</summary>
    public int Below => Active.Count(f => !IsFailing(f));

    /// <summary>Findings below the display threshold.</summary>
    public int Hidden => Result.Findings.Count(f => f.Severity < MinSeverity && !f.IsNote && !f.IsSuppressed);

    public bool IsFailing(Finding f) => f.Severity >= FailOn && f.Severity >= MinSeverity && !f.IsNote && !f.IsSuppressed;

    public string RelativePath(string file) => LintPaths.Relative(BaseDirectory, file);

    public LintRule? Rule(string id) => Result.Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>A fingerprint that survives line moves: rule, file, root module and resource address (and the message's subject).</summary>
    public string Fingerprint(Finding finding)
    {
        var root = finding.Root is { } r ? "|" + RelativePath(r) : "";
        var key = finding.RuleId + "|" + RelativePath(finding.Range.File) + "|" + finding.Address + root + "|" + finding.Message;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    public string Summary()
    {
        var failing = Failing;
        var bySeverity = string.Join(", ", Enum.GetValues<Severity>().Reverse()
            .Select(s => (s, n: failing.Count(f => f.Severity == s))).Where(x => x.n > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.n} {x.s.Name()}")));
        var suppressed = Result.Findings.Count(f => f.IsSuppressed && !f.IsNote);
        return string.Create(CultureInfo.InvariantCulture,
            $"{failing.Count} finding(s) at or above {FailOn.Name()}{(bySeverity.Length > 0 ? " (" + bySeverity + ")" : "")}, {Below} below{(Hidden > 0 ? $", {Hidden} hidden below {MinSeverity.Name()}" : "")}, {suppressed} suppressed{(Notes.Count > 0 ? $", {Notes.Count} note(s) on unknown values" : "")}; {Result.FilesScanned} file(s) scanned, {Result.Rules.Count} rules");
    }
}

public static class RuleDocs
{
    /// <summary>Where the rule pages are published (the docs/rules folder of the repository).</summary>
    public const string HelpUriBase = "https://berth.dev/docs/rules/";

    public static string HelpUri(LintRule rule) => HelpUriBase + rule.Id + ".md";

    public static double SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        _ => 3.0,
    };

    /// <summary>The docs/rules/ID.md page of a rule.</summary>
    public static string Page(LintRule rule)
    {
        var lang = (RuleExample e) => e.FileName.EndsWith(".tf", StringComparison.Ordinal) ? "hcl" : "yaml";
        var sb = new StringBuilder();
        sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        sb.Append("Severity: **").Append(rule.Severity.Name()).Append("** · Checks: `").Append(rule.Resource).Append("`\n\n");
        sb.Append("## Why\n\n").Append(rule.Why).Append("\n\n");
        sb.Append("## Failing example\n\n```").Append(lang(rule.Failing)).Append('\n').Append(rule.Failing.Content.TrimEnd()).Append("\n```\n\n");
        sb.Append("## Passing example\n\n```").Append(lang(rule.Passing)).Append('\n').Append(rule.Passing.Content.TrimEnd()).Append("\n```\n\n");
        sb.Append("## How to fix\n\n").Append(rule.Fix).Append("\n\n");
        sb.Append("## Suppressing\n\n");
        sb.Append("`# berth:ignore ").Append(rule.Id).Append(" <reason> [exp:YYYY-MM-DD]` on the line, or the line above the attribute or block")
            .Append(rule.Failing.FileName.EndsWith(".tf", StringComparison.Ordinal) ? "." : "; or the annotation `berth.dev/ignore: \"" + rule.Id + "=<reason>\"`.").Append('\n');
        return sb.ToString();
    }

    /// <summary>The README rule table (between the rules:start and rules:end markers).</summary>
    public static string Table(IReadOnlyList<LintRule> rules)
    {
        var sb = new StringBuilder();
        sb.Append("`berth lint <path...>` checks Terraform and Kubernetes YAML against ").Append(rules.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" rules (generated from the rule classes: `berth lint --rules-markdown`).\n\n");
        sb.Append("| id | severity | title | resource |\n|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            sb.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ").Append(rule.Severity.Name()).Append(" | ")
                .Append(rule.Title.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | `").Append(rule.Resource).Append("` |\n");
        }

        return sb.ToString();
    }
}
