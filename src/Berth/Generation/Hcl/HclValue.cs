using System.Globalization;
using System.Text;

namespace Berth.Generation.Hcl;

/// <summary>An HCL expression: a literal, a list, an object, a function call or a raw single-line expression.</summary>
public abstract record HclValue
{
    public static HclValue Str(string value) => new HclString(value);

    public static HclValue Num(long value) => new HclRaw(value.ToString(CultureInfo.InvariantCulture));

    public static HclValue Num(decimal value) => new HclRaw(value.ToString(CultureInfo.InvariantCulture));

    public static HclValue Bool(bool value) => new HclRaw(value ? "true" : "false");

    public static HclValue Null { get; } = new HclRaw("null");

    /// <summary>A reference or other expression written as is (one line, already in terraform fmt's spacing).</summary>
    public static HclValue Expr(string expression) => new HclRaw(expression);

    public static HclValue List(params HclValue[] items) => new HclList(items);

    public static HclValue List(IEnumerable<HclValue> items) => new HclList(items.ToArray());

    public static HclValue Strings(IEnumerable<string> items) => new HclList(items.Select(Str).ToArray());

    public static HclValue Call(string function, params HclValue[] args) => new HclCall(function, args);
}

public sealed record HclRaw(string Expression) : HclValue;

public sealed record HclString(string Value) : HclValue
{
    /// <summary>The quoted literal, with template sequences escaped so the text is taken literally.</summary>
    public string Quoted()
    {
        var sb = new StringBuilder("\"");
        for (var i = 0; i < Value.Length; i++)
        {
            var c = Value[i];
            switch (c)
            {
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '$' or '%' when i + 1 < Value.Length && Value[i + 1] == '{':
                    sb.Append(c).Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}

public sealed record HclList(IReadOnlyList<HclValue> Items) : HclValue;

public sealed record HclCall(string Function, IReadOnlyList<HclValue> Args) : HclValue;

/// <summary>An object literal; entries keep their order (callers sort when order carries no meaning).</summary>
public sealed record HclObject(IReadOnlyList<KeyValuePair<string, HclValue>> Entries) : HclValue
{
    /// <summary>A comment written after the opening brace, on its line (e.g. a <c>berth:ignore</c> for a finding the lint reports there).</summary>
    public string? Comment { get; init; }

    /// <summary>Comments written at the end of an entry's first line, by key.</summary>
    public IReadOnlyDictionary<string, string> EntryComments { get; init; } = new Dictionary<string, string>();

    public static HclObject Of(params (string Key, HclValue Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToArray());

    public static HclObject Of(IEnumerable<(string Key, HclValue Value)> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToArray());
}
