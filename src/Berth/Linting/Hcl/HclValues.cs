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
public sealed class HclDictionary : IReadOnlyDictionary<string, object?>
{
    private readonly SortedDictionary<string, object?> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceRange> _keyRanges = new(StringComparer.Ordinal);

    public HclDictionary(SourceRange? range = null) => Range = range;

    public static HclDictionary Empty { get; } = new();

    /// <summary>Where the object was written (an HCL object constructor or a JSON object), when known.</summary>
    public SourceRange? Range { get; }

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<object?> Values => _items.Values;

    public object? this[string key] => _items[key];

    public void Set(string key, object? value, SourceRange? keyRange = null)
    {
        _items[key] = value;
        if (keyRange is { } range)
        {
            _keyRanges[key] = range;
        }
    }

    public SourceRange? KeyRange(string key) => _keyRanges.TryGetValue(key, out var r) ? r : null;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => _items.TryGetValue(key, out value);

    public object? GetOrNull(string key) => _items.TryGetValue(key, out var v) ? v : null;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
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
