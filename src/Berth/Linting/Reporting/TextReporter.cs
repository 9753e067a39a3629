using System.Globalization;
using System.Text;

namespace Berth.Linting.Reporting;

/// <summary>Findings grouped by file, each with a code frame and the fix.</summary>
public static class TextReporter
{
    public static string Render(LintReport report, Func<string, string?> readFile)
    {
        var sb = new StringBuilder();
        foreach (var group in report.Active.GroupBy(f => f.Range.File, StringComparer.Ordinal))
        {
            sb.Append(report.RelativePath(group.Key)).Append('\n');
            var lines = readFile(group.Key)?.Split('\n');
            foreach (var f in group)
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"  {f.Range.Line}:{f.Range.Column}  {f.Severity.Name(),-8}  {f.RuleId}  {f.Message}{RootOf(report, f)}\n"));
                if (lines is not null)
                {
                    for (var n = Math.Max(1, f.Range.Line - 1); n <= Math.Min(lines.Length, f.Range.Line + 1); n++)
                    {
                        sb.Append(string.Create(CultureInfo.InvariantCulture, $"    {(n == f.Range.Line ? ">" : " ")} {n,5} | {lines[n - 1].TrimEnd('\r')}\n"));
                    }
                }

                if (report.Rule(f.RuleId) is { } rule)
                {
                    sb.Append("      fix: ").Append(rule.Fix).Append('\n');
                }

                sb.Append('\n');
            }
        }

        if (report.Notes.Count > 0)
        {
            sb.Append("notes (a value Berth cannot resolve; a rule could not decide, nothing fails):\n");
            foreach (var f in report.Notes)
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"  {report.RelativePath(f.Range.File)}:{f.Range.Line}:{f.Range.Column}  note      {f.RuleId}  {f.Message}{RootOf(report, f)}\n"));
            }

            sb.Append('\n');
        }

        sb.Append(report.Summary()).Append('\n');
        return sb.ToString();
    }

    /// <summary>The root module a finding was reached from, when its file lies outside that root's own folder (a shared module).</summary>
    private static string RootOf(LintReport report, Finding f) =>
        f.Root is { } root && Path.GetDirectoryName(f.Range.File) != root ? " (root module " + report.RelativePath(root) + ")" : "";
}
