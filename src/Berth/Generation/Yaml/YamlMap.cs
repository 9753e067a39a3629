using System.Collections;

namespace Berth.Generation.Yaml;

/// <summary>
/// An ordered YAML mapping (Kubernetes documents read best as apiVersion, kind, metadata, spec). Null values are
/// left out, so optional fields can be written inline. Values: string, bool, int, long, YamlMap, IEnumerable of values.
/// </summary>
public sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public int Count => _entries.Count;

    public object? this[string key]
    {
        get => _entries.FirstOrDefault(e => e.Key == key).Value;
        set => Add(key, value);
    }

    public void Add(string key, object? value)
    {
        if (value is null)
        {
            return;
        }

        if (_entries.Any(e => e.Key == key))
        {
            throw new ArgumentException($"duplicate key {key}", nameof(key));
        }

        _entries.Add(KeyValuePair.Create(key, value));
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
