using System.Collections.Concurrent;

namespace Berth.Linting.Hcl;

/// <summary>
/// One copy of each short string the parser keeps in the syntax tree (identifiers, operators, short literals such as
/// <c>"tcp"</c> or <c>"Allow"</c>). A 10,000-file corpus repeats a few thousand of them millions of times; without the
/// pool each occurrence was its own string, about a tenth of the parsed tree's memory. Thread-safe: files are parsed
/// on every core into one pool, which lives as long as the trees that hold its strings.
/// </summary>
public sealed class HclStringPool
{
    /// <summary>Longer strings (descriptions, policies, heredocs) rarely repeat: they are kept as they come.</summary>
    public const int MaxPooledLength = 64;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public HclStringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled copy of <paramref name="text"/> (made on first sight); a long text as a new string.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPooledLength)
        {
            return new string(text);
        }

        if (_bySpan.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var made = new string(text);
        return _strings.GetOrAdd(made, made);
    }
}
