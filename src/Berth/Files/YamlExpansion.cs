using YamlDotNet.Core.Events;

namespace Berth.Files;

/// <summary>
/// Counts, from a YAML parser's events and without recursion, the nodes a document expands to once aliases are
/// resolved: each alias counts as the whole node its anchor names. A "billion laughs" (aliases of aliases, ten at a
/// time) is caught as it grows, long before anything is expanded.
/// </summary>
public sealed class YamlExpansion
{
    private readonly Dictionary<string, long> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long Size)> _open = new();
    private long _document;

    /// <summary>Feeds one event. Returns the expanded size of the innermost open collection (or of the document) after
    /// it, or null when the event is an alias to no anchor defined before it.</summary>
    public long? Add(ParsingEvent e)
    {
        long added = 0;
        switch (e)
        {
            case MappingStart or SequenceStart:
                var anchor = ((NodeEvent)e).Anchor;
                _open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                return _open.Peek().Size;
            case MappingEnd or SequenceEnd when _open.TryPop(out var closed):
                if (closed.Anchor is not null)
                {
                    _anchors[closed.Anchor] = closed.Size;
                }

                added = closed.Size;
                break;
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchors[scalar.Anchor.Value] = 1;
                }

                added = 1;
                break;
            case AnchorAlias alias:
                if (!_anchors.TryGetValue(alias.Value.Value, out added))
                {
                    return null;
                }

                break;
            case DocumentEnd:
                _document = 0;
                return 0;
        }

        if (_open.TryPop(out var parent))
        {
            _open.Push((parent.Anchor, parent.Size + added));
            return parent.Size + added;
        }

        _document += added;
        return _document;
    }
}
