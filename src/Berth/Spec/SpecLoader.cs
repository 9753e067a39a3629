using System.Text;
using Berth.Files;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Berth.Spec;

/// <summary>
/// Loads berth.yaml. Every problem is reported with the file, line and column where it was written and what
/// was expected; all problems found are returned together, sorted by position.
/// </summary>
public static class SpecLoader
{
    /// <summary>berth.yaml nests five levels deep; anything far deeper is not a berth.yaml (and could exhaust the stack).</summary>
    public const int MaxDepth = 32;

    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Nodes a document may have once aliases are expanded: far more than any berth.yaml, far fewer than a "billion laughs".</summary>
    public const long MaxNodes = 1_000_000;

    public static SpecLoadResult LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = InputFile.ReadAllBytes(path, MaxFileBytes);
        }
        catch (InputFileException e)
        {
            return Fail(path, e.Problem switch
            {
                InputProblem.NotFound => "file not found",
                InputProblem.Folder => "is a directory; expected a berth.yaml file",
                InputProblem.TooLarge => $"is {new FileInfo(path).Length} bytes; a berth.yaml is at most {MaxFileBytes} bytes",
                _ => e.Reason,
            });
        }

        return Parse(bytes, path);
    }

    public static SpecLoadResult Parse(byte[] bytes, string file)
    {
        var zero = Array.IndexOf(bytes, (byte)0);
        if (zero >= 0)
        {
            return Fail(file, $"is not a text file (a NUL byte at offset {zero}); expected a berth.yaml");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Fail(file, $"is not valid UTF-8 (at byte {e.Index}); expected a berth.yaml text file");
        }

        return Parse(text, file);
    }

    public static SpecLoadResult Parse(string text, string file)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(file, "is empty; expected a berth.yaml mapping with version, name and services", 1, 1);
        }

        if (CheckStructure(text, file) is { } structural)
        {
            return new SpecLoadResult(null, [structural]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return new SpecLoadResult(null, [YamlError(file, text, e)]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A shape YamlDotNet's node model rejects that CheckStructure did not foresee: still a diagnostic, not a crash.
            return Fail(file, "invalid YAML: " + Sentence(e.Message), 1, 1);
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return Fail(file, "has no content; expected a berth.yaml mapping with version, name and services", 1, 1);
        }

        var reader = new SpecReader(file);
        var spec = reader.ReadRoot(stream.Documents[0].RootNode);
        var errors = reader.Errors
            .OrderBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToArray();
        return errors.Length > 0 ? new SpecLoadResult(null, errors) : new SpecLoadResult(spec, []);
    }

    /// <summary>
    /// Streams the parser events once before building the node tree: rejects a second document, nesting
    /// deeper than <see cref="MaxDepth"/> (without recursion, so no input can overflow the stack), aliases to
    /// anchors not defined before them, and alias expansion beyond <see cref="MaxNodes"/> nodes ("billion laughs").
    /// </summary>
    private static SpecDiagnostic? CheckStructure(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        var open = new Stack<OpenCollection>();
        var expansion = new YamlExpansion();
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                if (current is NodeEvent && open.TryPeek(out var container))
                {
                    var isKey = container.Mapping && container.Children % 2 == 0;
                    container.Children++;
                    if (isKey && current is Scalar { Value.Length: 0, Style: ScalarStyle.Plain or ScalarStyle.Any })
                    {
                        // YamlDotNet's node model cannot hold an empty key (": value"); berth.yaml never has one.
                        // The empty key's mark is just past the ':'; point at the ':' itself.
                        var at = current.Start;
                        var colon = at.Index > 0 && at.Index <= text.Length && text[(int)at.Index - 1] == ':' ? 1 : 0;
                        return Diagnostic(file, new Mark(at.Index - colon, at.Line, at.Column - colon), "invalid YAML: a key is missing before ':'; expected key: value");
                    }
                }

                switch (current)
                {
                    case DocumentStart ds when !ds.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            return Diagnostic(file, ds.Start, "has more than one YAML document ('---'); expected a single berth.yaml document");
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                        {
                            return Diagnostic(file, current.Start, $"is nested more than {MaxDepth} levels deep; a berth.yaml is at most a few levels deep");
                        }

                        var flow = current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                        open.Push(new OpenCollection(current is MappingStart, flow, current.Start));
                        break;
                    case MappingEnd or SequenceEnd:
                        open.TryPop(out _);
                        break;
                }

                switch (expansion.Add(current))
                {
                    case null:
                        var alias = ((AnchorAlias)current).Value.Value;
                        return Diagnostic(file, current.Start, $"invalid YAML: alias '*{alias}' refers to no anchor '&{alias}' defined before it");
                    case > MaxNodes:
                        return Diagnostic(file, current.Start, $"expands to more than {MaxNodes} YAML nodes once aliases are resolved; a berth.yaml is far smaller");
                }
            }
        }
        catch (YamlException e)
        {
            // Text that ends inside "[a, b" or "{a: 1" is best reported where the collection was opened.
            var unclosed = open.FirstOrDefault(o => o.Flow);
            return unclosed is not null && e.Start.Index >= text.TrimEnd().Length
                ? Diagnostic(file, unclosed.Start, NeverClosed)
                : YamlError(file, text, e);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when the text ends inside a flow collection ("[a, b" with no "]").
            var unclosed = open.FirstOrDefault(o => o.Flow);
            return unclosed is not null
                ? Diagnostic(file, unclosed.Start, NeverClosed)
                : Diagnostic(file, last, "invalid YAML: the text ends where more was expected");
        }

        return null;
    }

    private const string NeverClosed = "invalid YAML: this '[' or '{' is never closed; expected a matching ']' or '}'";

    /// <summary>A collection being read: whether it is a mapping or in flow style, where it opened, and how many nodes it holds so far.</summary>
    private sealed class OpenCollection(bool mapping, bool flow, Mark start)
    {
        public bool Mapping { get; } = mapping;

        /// <summary>Nodes read inside it so far; in a mapping, even counts are where a key comes next.</summary>
        public int Children { get; set; }

        public bool Flow { get; } = flow;

        public Mark Start { get; } = start;
    }

    private static SpecDiagnostic YamlError(string file, string text, YamlException e)
    {
        // YamlDotNet wraps some errors; the innermost message is the one that says what is wrong.
        var inner = e;
        while (inner.InnerException is YamlException deeper)
        {
            inner = deeper;
        }

        var message = inner.Message;
        if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            var key = KeyAt(text, inner.Start);
            return Diagnostic(file, inner.Start, key.Length > 0
                ? $"invalid YAML: duplicate key '{key}'; a key may appear only once in a mapping"
                : "invalid YAML: duplicate key; a key may appear only once in a mapping");
        }

        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(text) is { } tabLine)
        {
            // YamlDotNet reports where the enclosing mapping starts; the problem is the line indented with a tab.
            return Diagnostic(file, new Mark(0, tabLine, 1), "invalid YAML: a tab character indents this line; YAML indents with spaces only");
        }

        return Diagnostic(file, inner.Start, "invalid YAML: " + Sentence(message));
    }

    /// <summary>The plain key written at a position, for the duplicate-key message.</summary>
    private static string KeyAt(string text, Mark mark)
    {
        var lines = text.Split('\n');
        if (mark.Line < 1 || mark.Line > lines.Length)
        {
            return "";
        }

        var line = lines[mark.Line - 1];
        var start = (int)Math.Min(Math.Max(0, mark.Column - 1), line.Length);
        var colon = line.IndexOf(':', start);
        return colon > start ? line[start..colon].Trim().Trim('"', '\'') : "";
    }

    /// <summary>The 1-based number of the first line whose indentation contains a tab.</summary>
    private static int? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t') && indent < lines[i].Length)
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string Sentence(string message)
    {
        var m = message.Trim();
        if (m.StartsWith("While ", StringComparison.Ordinal) || m.StartsWith("(Line", StringComparison.Ordinal))
        {
            var colon = m.IndexOf("): ", StringComparison.Ordinal);
            if (colon >= 0)
            {
                m = m[(colon + 3)..];
            }
        }

        m = m.TrimEnd('.');
        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m[1..] : "unreadable input";
    }

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static SpecDiagnostic Diagnostic(string file, Mark mark, string message) =>
        new(new SourceLocation(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column)), message);

    private static SpecLoadResult Fail(string file, string message, int line = 0, int column = 0) =>
        new(null, [new SpecDiagnostic(new SourceLocation(file, line, column), message)]);
}
