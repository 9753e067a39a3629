using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Generation.Hcl;

/// <summary>
/// Writes HCL exactly as <c>terraform fmt</c> would: two-space indents, and the <c>=</c> of consecutive single-line
/// attributes aligned (hclwrite's formatCells: a line opening a multi-line value, a block, a comment or a blank line
/// ends the run).
/// </summary>
public static partial class HclWriter
{
    private const int MaxInlineListWidth = 100;

    public static string Write(HclBody body, string? header = null)
    {
        var lines = new List<string>();
        if (header is not null)
        {
            lines.AddRange(header.Split('\n').Select(l => l.Length == 0 ? "#" : "# " + l));
            lines.Add("");
        }

        lines.AddRange(Body(body.Items));
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line.TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A file of top-level blocks, one blank line between them.</summary>
    public static string File(params Action<HclBody>[] parts)
    {
        var body = new HclBody();
        foreach (var part in parts)
        {
            part(body);
        }

        return Write(body);
    }

    private static List<string> Body(IReadOnlyList<HclItem> items)
    {
        var lines = new List<string>();
        var run = new List<(string Key, string Value)>();
        HclItem? previous = null;

        void Flush()
        {
            var width = run.Count == 0 ? 0 : run.Max(r => r.Key.Length);
            lines.AddRange(run.Select(r => r.Key.PadRight(width) + " = " + r.Value));
            run.Clear();
        }

        foreach (var item in items)
        {
            switch (item)
            {
                case HclAttr a:
                    if (previous is HclBlock)
                    {
                        lines.Add("");
                    }

                    var value = Value(a.Value);
                    if (value.Count == 1)
                    {
                        run.Add((Key(a.Name), value[0]));
                    }
                    else
                    {
                        Flush();
                        lines.Add(Key(a.Name) + " = " + value[0]);
                        lines.AddRange(value.Skip(1));
                    }

                    break;
                case HclBlock b:
                    Flush();
                    if (previous is HclAttr or HclBlock)
                    {
                        lines.Add("");
                    }

                    var head = b.Type + string.Concat(b.Labels.Select(l => " " + new HclString(l).Quoted()));
                    var inner = Body(b.Body.Items);
                    if (inner.Count == 0)
                    {
                        lines.Add(head + " {}");
                    }
                    else
                    {
                        lines.Add(head + " {");
                        lines.AddRange(inner.Select(Indent));
                        lines.Add("}");
                    }

                    break;
                case HclComment c:
                    Flush();
                    if (previous is HclBlock)
                    {
                        // A comment introduces what follows: keep it apart from the block before.
                        lines.Add("");
                    }

                    lines.Add("# " + c.Text);
                    break;
                case HclBlank:
                    Flush();
                    lines.Add("");
                    break;
            }

            previous = item;
        }

        Flush();
        return lines;
    }

    private static string Indent(string line) => line.Length == 0 ? line : "  " + line;

    private static string Key(string name) => Identifier().IsMatch(name) ? name : new HclString(name).Quoted();

    /// <summary>A value's lines: the first follows <c>name = </c>, the rest carry their indent relative to it.</summary>
    private static List<string> Value(HclValue value)
    {
        switch (value)
        {
            case HclRaw r:
                return [r.Expression];
            case HclString s:
                return [s.Quoted()];
            case HclList l when l.Items.Count == 0:
                return ["[]"];
            case HclList l:
                {
                    var items = l.Items.Select(Value).ToList();
                    if (items.All(i => i.Count == 1))
                    {
                        var inline = "[" + string.Join(", ", items.Select(i => i[0])) + "]";
                        if (inline.Length <= MaxInlineListWidth)
                        {
                            return [inline];
                        }
                    }

                    var lines = new List<string> { "[" };
                    foreach (var i in items)
                    {
                        lines.AddRange(i.Take(i.Count - 1).Select(Indent));
                        lines.Add(Indent(i[^1] + ","));
                    }

                    lines.Add("]");
                    return lines;
                }

            case HclObject o when o.Entries.Count == 0:
                return ["{}"];
            case HclObject o:
                {
                    var body = new HclBody();
                    foreach (var e in o.Entries)
                    {
                        body.Set(e.Key, e.Value);
                    }

                    var lines = new List<string> { o.Comment is null ? "{" : "{ # " + o.Comment };
                    lines.AddRange(Body(body.Items).Select(Indent));
                    foreach (var (key, comment) in o.EntryComments)
                    {
                        // The entry's own line: one indent in, its key then the alignment and "=".
                        var at = lines.FindIndex(l => l.StartsWith("  " + key + " ", StringComparison.Ordinal) || l.StartsWith("  " + key + "=", StringComparison.Ordinal));
                        lines[at] += " # " + comment;
                    }

                    lines.Add("}");
                    return lines;
                }

            case HclCall c:
                {
                    var args = c.Args.Select(Value).ToList();
                    if (args.All(a => a.Count == 1))
                    {
                        return [c.Function + "(" + string.Join(", ", args.Select(a => a[0])) + ")"];
                    }

                    if (args.Take(args.Count - 1).Any(a => a.Count > 1))
                    {
                        throw new ArgumentException($"{c.Function}(): only the last argument may span lines", nameof(value));
                    }

                    var last = args[^1];
                    var lead = string.Concat(args.Take(args.Count - 1).Select(a => a[0] + ", "));
                    var lines = new List<string> { c.Function + "(" + lead + last[0] };
                    lines.AddRange(last.Skip(1).Take(last.Count - 2));
                    lines.Add(last[^1] + ")");
                    return lines;
                }

            default:
                throw new ArgumentException("unknown HCL value " + value.GetType().Name, nameof(value));
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
