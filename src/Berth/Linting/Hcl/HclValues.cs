using System.Collections;
using System.Globalization;

namespace Berth.Linting.Hcl;

/// <summary>
/// Values are plain objects: null, bool, decimal, string, <see cref="IReadOnlyList{T}"/> of values, <see cref="HclDictionary"/>,
/// or one of the two sentinels below. A rule that meets a sentinel where it needs a value reports nothing.
/// </summary>
public sealed class Unknown
{
    public static readonly Unknown Value = new();

    private Unknown()
    {
    }

    public override string ToString() => "(unknown)";
}

/// <summary>What Terraform would reject (a missing key, a type error): unknown to rules, but <c>try()</c> skips it.</summary>
public sealed class EvalError
{
    public static readonly EvalError Value = new();

    private EvalError()
    {
    }

    public override string ToString() => "(error)";
}

/// <summary>An object or map with its keys in ordinal order, remembering where each key was written.</summary>
/// <remarks>
/// Entries live in one hash map; the ordinal order is made when the map is first enumerated after a change (objects
/// are built key by key, then read). A sorted tree and a second map for the key ranges cost a node per entry and a map
/// per object for as long as a lint runs.
/// </remarks>
public sealed class HclDictionary : IReadOnlyDictionary<string, object?>
{
    private readonly Dictionary<string, (object? Value, SourceRange? KeyRange)> _items = new(StringComparer.Ordinal);

    // The keys in ordinal order, or null after a change. Reads may race to make it: each makes the same array.
    private string[]? _sorted;

    public HclDictionary(SourceRange? range = null) => Range = range;

    public static HclDictionary Empty { get; } = new();

    /// <summary>Where the object was written (an HCL object constructor or a JSON object), when known.</summary>
    public SourceRange? Range { get; }

    public int Count => _items.Count;

    public IEnumerable<string> Keys => Sorted();

    public IEnumerable<object?> Values => Sorted().Select(k => _items[k].Value);

    public object? this[string key] => _items[key].Value;

    /// <summary>Sets a key's value; its range is the one given, else the one it had.</summary>
    public void Set(string key, object? value, SourceRange? keyRange = null)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_items, key, out _);
        entry = (value, keyRange ?? entry.KeyRange);
        _sorted = null;
    }

    public SourceRange? KeyRange(string key) => _items.TryGetValue(key, out var entry) ? entry.KeyRange : null;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        var found = _items.TryGetValue(key, out var entry);
        value = entry.Value;
        return found;
    }

    public object? GetOrNull(string key) => _items.TryGetValue(key, out var entry) ? entry.Value : null;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var key in Sorted())
        {
            yield return new KeyValuePair<string, object?>(key, _items[key].Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] Sorted()
    {
        if (_sorted is { } sorted)
        {
            return sorted;
        }

        var keys = _items.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        _sorted = keys;
        return keys;
    }
}

public static class HclValue
{
    public static bool IsUnknown(object? value) => value is Unknown or EvalError;

    /// <summary>True when the value holds an unknown anywhere inside.</summary>
    public static bool ContainsUnknown(object? value) => value switch
    {
        Unknown or EvalError => true,
        HclDictionary m => m.Values.Any(ContainsUnknown),
        IReadOnlyList<object?> l => l.Any(ContainsUnknown),
        _ => false,
    };

    /// <summary>True when the value holds an error anywhere inside (what <c>try</c> skips).</summary>
    public static bool ContainsError(object? value) => value switch
    {
        EvalError => true,
        HclDictionary m => m.Values.Any(ContainsError),
        IReadOnlyList<object?> l => l.Any(ContainsError),
        _ => false,
    };

    public static string FormatNumber(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Terraform's string conversion of a primitive; null for values that have none.</summary>
    public static string? AsString(object? value) => value switch
    {
        string s => s,
        decimal d => FormatNumber(d),
        bool b => b ? "true" : "false",
        _ => null,
    };

    public static decimal? AsNumber(object? value) => value switch
    {
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static bool? AsBool(object? value) => value switch
    {
        bool b => b,
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (decimal x, decimal y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        (HclDictionary x, HclDictionary y) => x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && Equal(kv.Value, other)),
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        _ => false,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        string => "string",
        decimal => "number",
        bool => "bool",
        HclDictionary => "object",
        IReadOnlyList<object?> => "tuple",
        _ => "unknown",
    };
}
