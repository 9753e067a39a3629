using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Linting;

/// <summary>
/// In-source suppressions: <c># berth:ignore ID[,ID] reason [exp:YYYY-MM-DD]</c> on the finding's line, the line
/// above it, or the line above the resource that holds it. A reason is required; an expired one no longer applies.
/// </summary>
public static partial class LintSuppressions
{
    public sealed record Comment(int Line, IReadOnlyList<string> Ids, string Reason, DateOnly? Expires);

    /// <summary>What every suppression comment contains; a file without it has none.</summary>
    public const string Marker = "berth:ignore";

    /// <summary>Whether a file's text may hold a suppression (false: it need not be read again for them).</summary>
    public static bool Mentioned(string text) => text.Contains(Marker, StringComparison.Ordinal);

    [GeneratedRegex(@"berth:ignore\s+(?<ids>[A-Za-z0-9_,\-]+)(?<rest>.*)$")]
    private static partial Regex IgnorePattern();

    [GeneratedRegex(@"\bexp:(?<date>\S+)")]
    private static partial Regex ExpiryPattern();

    /// <summary>The suppression comments of a file, with diagnostics for those missing a reason or a valid date.</summary>
    public static (IReadOnlyList<Comment> Comments, IReadOnlyList<LintDiagnostic> Diagnostics) Scan(string path, string text)
    {
        var comments = new List<Comment>();
        var diagnostics = new List<LintDiagnostic>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var before = line[..at].TrimEnd();
            if (!(before.EndsWith('#') || before.EndsWith("//", StringComparison.Ordinal) || before.EndsWith("/*", StringComparison.Ordinal)))
            {
                continue;
            }

            var match = IgnorePattern().Match(line[at..].TrimEnd('\r'));
            var range = SourceRange.At(path, i + 1, at + 1);
            if (!match.Success)
            {
                diagnostics.Add(new LintDiagnostic(range, "berth:ignore needs a rule id and a reason"));
                continue;
            }

            var rest = match.Groups["rest"].Value.Replace("*/", "", StringComparison.Ordinal);
            DateOnly? expires = null;
            var expiry = ExpiryPattern().Match(rest);
            if (expiry.Success)
            {
                if (!DateOnly.TryParseExact(expiry.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    diagnostics.Add(new LintDiagnostic(range, "berth:ignore has an invalid expiry '" + expiry.Groups["date"].Value + "' (expected exp:YYYY-MM-DD); it is not applied"));
                    continue;
                }

                expires = date;
                rest = rest.Remove(expiry.Index, expiry.Length);
            }

            var reason = rest.Trim();
            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (reason.Length == 0)
            {
                diagnostics.Add(new LintDiagnostic(range, "berth:ignore " + string.Join(',', ids) + " has no reason; it is not applied"));
                continue;
            }

            comments.Add(new Comment(i + 1, ids, reason, expires));
        }

        return (comments, diagnostics);
    }

    /// <summary>The comment that suppresses the finding, if any (expired ones excluded by the caller).</summary>
    public static Comment? Match(IReadOnlyList<Comment> comments, Finding finding) =>
        comments.FirstOrDefault(c => c.Ids.Contains(finding.RuleId, StringComparer.Ordinal)
            && (c.Line == finding.Range.Line || c.Line == finding.Range.Line - 1
                || c.Line == finding.ResourceRange.Line || c.Line == finding.ResourceRange.Line - 1));

    /// <summary>The Kubernetes annotation form: <c>berth.dev/ignore: "ID=reason, ID2=reason"</c>.</summary>
    public static IReadOnlyDictionary<string, string> ParseAnnotation(string? value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var entry in value.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && entry[(eq + 1)..].Trim().Length > 0)
            {
                result[entry[..eq].Trim()] = entry[(eq + 1)..].Trim();
            }
        }

        return result;
    }
}
