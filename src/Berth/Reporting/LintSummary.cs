using Berth.Linting;
using Berth.Linting.Reporting;

namespace Berth.Reporting;

/// <summary>One lint finding as the report lists it: paths relative to where lint ran.</summary>
public sealed record LintLine(string RuleId, string Severity, string Title, string Location, string Message, bool Suppressed);

/// <summary>What <c>berth lint</c> found in the paths given to <c>--lint</c>, at its default threshold.</summary>
public sealed record LintSummary(
    string Paths,
    string MinSeverity,
    int FilesScanned,
    int Rules,
    IReadOnlyDictionary<string, int> FailingBySeverity,
    int Below,
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
        return new LintSummary(
            paths,
            report.MinSeverity.Name(),
            report.Result.FilesScanned,
            report.Result.Rules.Count,
            Enum.GetValues<Severity>().Reverse().ToDictionary(s => s.Name(), s => report.Failing.Count(f => f.Severity == s), StringComparer.Ordinal),
            report.Below,
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
