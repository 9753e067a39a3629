using Berth.Linting;
using Berth.Linting.Reporting;

namespace Berth.Reporting;

/// <summary>One lint finding as the report lists it: paths relative to where lint ran.</summary>
public sealed record LintLine(string RuleId, string Severity, string Title, string Location, string Message, bool Suppressed);

/// <summary>
/// What <c>berth lint</c> found in the paths given to <c>--lint</c>, with its defaults and <c>.berth-lint.yaml</c>: every
/// severity shown (<see cref="MinSeverity"/> only hides), and <see cref="FailOn"/> saying which would fail the lint.
/// </summary>
public sealed record LintSummary(
    string Paths,
    string MinSeverity,
    string FailOn,
    int FilesScanned,
    int Rules,
    IReadOnlyList<LintSeverityCount> BySeverity,
    int SuppressedCount,
    IReadOnlyList<LintLine> Findings,
    string Summary)
{
    /// <summary>At most this many findings are listed; the counts cover all of them.</summary>
    public const int MaxListed = 100;

    public static LintSummary From(LintReport report, string paths)
    {
        var shown = report.Shown
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => report.RelativePath(f.Range.File), StringComparer.Ordinal)
            .ThenBy(f => f.Range.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
        var active = report.Active;
        var bySeverity = Enum.GetValues<Severity>().Reverse().Where(s => s != Severity.Note && s >= report.MinSeverity)
            .Select(s => new LintSeverityCount(s.Name(), active.Count(f => f.Severity == s), s >= report.FailOn))
            .Append(new LintSeverityCount(Severity.Note.Name(), report.Notes.Count, false))
            .ToArray();
        return new LintSummary(
            paths,
            report.MinSeverity.Name(),
            report.FailOn.Name(),
            report.Result.FilesScanned,
            report.Result.Rules.Count,
            bySeverity,
            report.Result.Findings.Count(f => f.IsSuppressed),
            shown.Take(MaxListed).Select(f => new LintLine(
                f.RuleId,
                f.Severity.Name(),
                report.Rule(f.RuleId)?.Title ?? "",
                $"{report.RelativePath(f.Range.File)}:{f.Range.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{f.Range.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                f.Message,
                f.IsSuppressed)).ToArray(),
            report.Summary());
    }
}

/// <summary>Shown, unsuppressed findings of one severity, and whether that severity fails the lint (notes never do).</summary>
public sealed record LintSeverityCount(string Severity, int Count, bool Fails);
