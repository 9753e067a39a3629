using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Berth.Files;

/// <summary>
/// Checks a YAML text's shape from the parser's events, without recursion, before a reader builds its node tree
/// (which YamlDotNet does recursively, and which rules walk recursively): nesting past a limit, or aliases that expand
/// past a number of nodes, is reported at its line and column instead of exhausting the stack or the memory.
/// </summary>
public static class YamlShape
{
    /// <summary>The first place the text goes past a limit, as (line, column, message); null when it stays within them
    /// (or is not YAML at all: the reader reports that its own way).</summary>
    public static (int Line, int Column, string Message)? Exceeds(string text, int maxDepth, long maxNodes)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                long added = 0;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > maxDepth)
                        {
                            return At(current.Start, $"nested more than {maxDepth} levels deep; Berth reads YAML at most {maxDepth} levels deep");
                        }

                        var anchor = ((NodeEvent)current).Anchor;
                        open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        if (open.TryPop(out var closed))
                        {
                            if (closed.Anchor is not null)
                            {
                                sizes[closed.Anchor] = closed.Size;
                            }

                            added = closed.Size;
                        }

                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            sizes[scalar.Anchor.Value] = 1;
                        }

                        added = 1;
                        break;
                    case AnchorAlias alias:
                        added = sizes.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                    case DocumentEnd:
                        total = 0;
                        break;
                }

                if (added > 0)
                {
                    if (open.TryPop(out var parent))
                    {
                        open.Push((parent.Anchor, parent.Size + added));
                    }
                    else
                    {
                        total += added;
                    }

                    if ((open.Count > 0 ? open.Peek().Size : total) > maxNodes)
                    {
                        return At(current.Start, $"expands to more than {maxNodes:N0} YAML nodes once aliases are resolved; Berth reads at most that many");
                    }
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static (int, int, string) At(Mark mark, string message) =>
        ((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), message);
}
