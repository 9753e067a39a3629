using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Linting.Reporting;

public static class JsonReporter
{
    public static string Render(LintReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("minSeverity", report.MinSeverity.Name());
            w.WriteString("failOn", report.FailOn.Name());
            w.WriteNumber("filesScanned", report.Result.FilesScanned);
            w.WriteStartArray("findings");
            foreach (var f in report.Shown)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("severity", f.Severity.Name());
                w.WriteString("title", report.Rule(f.RuleId)?.Title ?? "");
                w.WriteString("message", f.Message);
                w.WriteString("file", report.RelativePath(f.Range.File));
                w.WriteNumber("line", f.Range.Line);
                w.WriteNumber("column", f.Range.Column);
                w.WriteString("address", f.Address);
                if (f.Root is { } root)
                {
                    w.WriteString("root", report.RelativePath(root));
                }

                w.WriteBoolean("failing", report.IsFailing(f));
                w.WriteString("fix", report.Rule(f.RuleId)?.Fix ?? "");
                w.WriteBoolean("suppressed", f.IsSuppressed);
                if (f.Suppression is { } s)
                {
                    w.WriteString("justification", s.Justification);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in report.Result.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("file", report.RelativePath(d.Range.File));
                w.WriteNumber("line", d.Range.Line);
                w.WriteNumber("column", d.Range.Column);
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
