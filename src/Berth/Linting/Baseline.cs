using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Linting;

/// <summary>
/// Accepted findings, keyed by rule, repo-relative file, Terraform root module and resource address — not by line,
/// so a baseline survives edits that move code around. A version 1 baseline has no root: its entries accept the
/// finding whichever root reaches it.
/// </summary>
public sealed partial class Baseline
{
    private readonly HashSet<(string RuleId, string File, string Address, string? Root)> _entries;

    private Baseline(IEnumerable<(string, string, string, string?)> entries) => _entries = [.. entries];

    public int Count => _entries.Count;

    public bool Contains(Finding finding, string baseDirectory)
    {
        var file = LintPaths.Relative(baseDirectory, finding.Range.File);
        return _entries.Contains((finding.RuleId, file, finding.Address, RootKey(finding, baseDirectory))) || _entries.Contains((finding.RuleId, file, finding.Address, null));
    }

    public static Baseline FromFindings(IEnumerable<Finding> findings, string baseDirectory) =>
        new(findings.Select(f => (f.RuleId, LintPaths.Relative(baseDirectory, f.Range.File), f.Address, RootKey(f, baseDirectory))));

    private static string? RootKey(Finding finding, string baseDirectory) => finding.Root is { } root ? LintPaths.Relative(baseDirectory, root) : null;

    /// <summary>Reads a baseline; throws <see cref="FormatException"/> with a message naming the problem.</summary>
    public static Baseline Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var entries = new List<(string, string, string, string?)>();
            foreach (var item in doc.RootElement.GetProperty("findings").EnumerateArray())
            {
                var root = item.TryGetProperty("root", out var r) ? r.GetString() : null;
                entries.Add((item.GetProperty("ruleId").GetString() ?? "", item.GetProperty("file").GetString() ?? "", item.GetProperty("address").GetString() ?? "", root));
            }

            return new Baseline(entries);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not a Berth lint baseline: " + e.Message, e);
        }
    }

    /// <summary>Whether a text begins the way <see cref="ToJson"/> writes a baseline: a version, then the findings.</summary>
    public static bool LooksLikeOne(string head) => BaselineHead().IsMatch(head);

    [System.Text.RegularExpressions.GeneratedRegex(@"\A\s*\{\s*""version""\s*:\s*[12]\s*,\s*""findings""\s*:\s*\[")]
    private static partial System.Text.RegularExpressions.Regex BaselineHead();

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 2);
            writer.WriteStartArray("findings");
            foreach (var (ruleId, file, address, root) in _entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Root, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", ruleId);
                writer.WriteString("file", file);
                writer.WriteString("address", address);
                if (root is not null)
                {
                    writer.WriteString("root", root);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

public static class LintPaths
{
    /// <summary>A path relative to the base folder, with forward slashes (SARIF and baselines use it).</summary>
    public static string Relative(string baseDirectory, string path) =>
        Path.GetRelativePath(baseDirectory, path).Replace('\\', '/');
}
