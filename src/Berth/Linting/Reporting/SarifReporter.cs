using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Linting.Reporting;

/// <summary>SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules, results with stable fingerprints.</summary>
public static class SarifReporter
{
    public static string Render(LintReport report, string toolVersion)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(report, toolVersion, text);
        return text.ToString();
    }

    /// <summary>Writes the log to <paramref name="output"/> as it goes, never holding all of it in memory.</summary>
    public static void Write(LintReport report, string toolVersion, TextWriter output)
    {
        var rules = report.Result.Rules;
        using var stream = new TextWriterStream(output);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "berth");
            w.WriteString("informationUri", "https://berth.dev/");
            w.WriteString("version", toolVersion);
            w.WriteString("semanticVersion", toolVersion);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteString("name", rule.GetType().Name.EndsWith("Rule", StringComparison.Ordinal) ? rule.GetType().Name[..^4] : rule.GetType().Name);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", rule.Why);
                w.WriteEndObject();
                w.WriteStartObject("help");
                w.WriteString("text", rule.Fix);
                w.WriteString("markdown", rule.Fix);
                w.WriteEndObject();
                w.WriteString("helpUri", RuleDocs.HelpUri(rule));
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule.Severity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("security-severity", RuleDocs.SecuritySeverity(rule.Severity).ToString("0.0", CultureInfo.InvariantCulture));
                w.WriteStartArray("tags");
                w.WriteStringValue("security");
                w.WriteStringValue(rule.Failing.FileName.EndsWith(".tf", StringComparison.Ordinal) ? "terraform" : "kubernetes");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            // Every result goes out with its level, whatever the display threshold: code scanning filters by level itself.
            foreach (var f in report.Result.Findings)
            {
                var index = rules.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Id == f.RuleId).i;
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteNumber("ruleIndex", index);
                WriteLevelAndMessage(w, Level(f.Severity), f.Message);
                w.WriteStartArray("locations");
                w.WriteStartObject();
                WritePhysicalLocation(w, report, f.Range);
                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("fullyQualifiedName", f.Root is { } root ? report.RelativePath(root) + "::" + f.Address : f.Address);
                w.WriteString("name", f.Address);
                w.WriteString("kind", f.Root is null ? "object" : "resource");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString("berthFinding/v1", report.Fingerprint(f));
                w.WriteEndObject();
                if (f.Suppression is { } s)
                {
                    w.WriteStartArray("suppressions");
                    w.WriteStartObject();
                    w.WriteString("kind", s.Kind);
                    w.WriteString("justification", s.Justification);
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteEndObject();
                if (w.BytesPending > FlushBytes)
                {
                    w.Flush();
                }
            }

            w.WriteEndArray();
            WriteInvocation(w, report);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.Write('\n');
    }

    /// <summary>
    /// The run's one invocation. What kept part of the code from being checked — a module call not initialised, a
    /// file that does not parse, a budget reached — is a condition of the run, not a finding in the code, so it goes
    /// where SARIF 2.1.0 puts "a runtime condition detected by the invoked process": toolExecutionNotifications
    /// (§3.20.21; a notification is "relevant to the operation of the tool itself, as opposed to being relevant to an
    /// artifact", §3.58.1). Problems in .berth-lint.yaml are toolConfigurationNotifications (§3.20.22). Level
    /// "warning" (§3.58.6), never "error": an error notification means the run failed (§3.20.21), while the lint went
    /// on and checked the rest. executionSuccessful (§3.20.14) is required, and true: the run finished.
    /// </summary>
    private static void WriteInvocation(Utf8JsonWriter w, LintReport report)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        WriteNotifications(w, "toolExecutionNotifications", report.Result.Diagnostics, report);
        WriteNotifications(w, "toolConfigurationNotifications", report.ConfigurationDiagnostics, report);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteNotifications(Utf8JsonWriter w, string property, IReadOnlyList<LintDiagnostic> diagnostics, LintReport report)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        w.WriteStartArray(property);
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            WriteLevelAndMessage(w, "warning", d.Message);
            w.WriteStartArray("locations");
            w.WriteStartObject();
            WritePhysicalLocation(w, report, d.Range);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteLevelAndMessage(Utf8JsonWriter w, string level, string text)
    {
        w.WriteString("level", level);
        w.WriteStartObject("message");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter w, LintReport report, SourceRange range)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", Uri.EscapeDataString(report.RelativePath(range.File)).Replace("%2F", "/", StringComparison.Ordinal));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, range.Line));
        w.WriteNumber("startColumn", Math.Max(1, range.Column));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>How much of the log is buffered before it goes to the output.</summary>
    private const int FlushBytes = 64 * 1024;

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };
}
