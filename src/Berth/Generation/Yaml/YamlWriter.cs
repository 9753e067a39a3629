using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Generation.Yaml;

/// <summary>
/// Writes YAML block style with two-space indents, list items indented under their key, and strings quoted
/// whenever a plain scalar could be read as anything but the same string (booleans, numbers, null, special characters).
/// </summary>
public static partial class YamlWriter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~",
    };

    public static string Write(YamlMap document)
    {
        var sb = new StringBuilder();
        Map(sb, document, 0);
        return sb.ToString();
    }

    /// <summary>Several documents in one file, separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<YamlMap> documents) =>
        string.Join("---\n", documents.Select(Write));

    private static void Map(StringBuilder sb, YamlMap map, int indent)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            // A map that is a list item starts on the "- " line.
            var pad = first && indent < 0 ? "" : new string(' ', Math.Abs(indent));
            first = false;
            Entry(sb, pad + Scalar(key), value, Math.Abs(indent));
        }
    }

    private static void Entry(StringBuilder sb, string lead, object value, int indent)
    {
        switch (value)
        {
            case YamlMap { Count: 0 }:
                sb.Append(lead).Append(": {}\n");
                break;
            case YamlMap m:
                sb.Append(lead).Append(":\n");
                Map(sb, m, indent + 2);
                break;
            case string or bool or int or long:
                sb.Append(lead).Append(": ").Append(Scalar(value)).Append('\n');
                break;
            case IEnumerable list:
                var items = list.Cast<object>().ToArray();
                if (items.Length == 0)
                {
                    sb.Append(lead).Append(": []\n");
                    break;
                }

                sb.Append(lead).Append(":\n");
                foreach (var item in items)
                {
                    Item(sb, item, indent + 2);
                }

                break;
            default:
                throw new ArgumentException("unsupported YAML value " + value.GetType().Name, nameof(value));
        }
    }

    private static void Item(StringBuilder sb, object item, int indent)
    {
        var pad = new string(' ', indent);
        switch (item)
        {
            case YamlMap { Count: > 0 } m:
                sb.Append(pad).Append("- ");
                Map(sb, m, -(indent + 2));
                break;
            case string or bool or int or long:
                sb.Append(pad).Append("- ").Append(Scalar(item)).Append('\n');
                break;
            default:
                throw new ArgumentException("unsupported YAML list item " + item.GetType().Name, nameof(item));
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s when Plain().IsMatch(s) && !Reserved.Contains(s) && !LooksNumeric(s) => s,
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        _ => throw new ArgumentException("unsupported YAML scalar " + value.GetType().Name, nameof(value)),
    };

    private static bool LooksNumeric(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || s.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || s.Contains(':', StringComparison.Ordinal) || s.StartsWith('.');

    [GeneratedRegex("^[A-Za-z0-9_/][A-Za-z0-9_./-]*$")]
    private static partial Regex Plain();
}
