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
        var expansion = new YamlExpansion();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is MappingStart or SequenceStart && ++depth > maxDepth)
                {
                    return At(current.Start, $"nested more than {maxDepth} levels deep; Berth reads YAML at most {maxDepth} levels deep");
                }

                if (current is MappingEnd or SequenceEnd)
                {
                    depth--;
                }

                // An alias to no anchor is the reader's to report, as invalid YAML.
                if (expansion.Add(current) > maxNodes)
                {
                    return At(current.Start, $"expands to more than {maxNodes:N0} YAML nodes once aliases are resolved; Berth reads at most that many");
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
