namespace Berth.Generation.Hcl;

/// <summary>One item of a body: an attribute, a nested block, a comment line or a blank line.</summary>
public abstract record HclItem;

public sealed record HclAttr(string Name, HclValue Value) : HclItem;

public sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body) : HclItem;

public sealed record HclComment(string Text) : HclItem;

public sealed record HclBlank : HclItem;

/// <summary>A body under construction: attributes and blocks in the order they are added.</summary>
public sealed class HclBody
{
    private readonly List<HclItem> _items = [];

    public IReadOnlyList<HclItem> Items => _items;

    public HclBody Set(string name, HclValue value)
    {
        _items.Add(new HclAttr(name, value));
        return this;
    }

    public HclBody Set(string name, string value) => Set(name, HclValue.Str(value));

    public HclBody Set(string name, long value) => Set(name, HclValue.Num(value));

    public HclBody Set(string name, bool value) => Set(name, HclValue.Bool(value));

    /// <summary>An attribute whose value is a raw expression such as <c>var.name</c>.</summary>
    public HclBody Expr(string name, string expression) => Set(name, HclValue.Expr(expression));

    public HclBody Block(string type, Action<HclBody> build) => Block(type, [], build);

    public HclBody Block(string type, string label, Action<HclBody> build) => Block(type, [label], build);

    public HclBody Block(string type, string label1, string label2, Action<HclBody> build) => Block(type, [label1, label2], build);

    public HclBody Block(string type, IReadOnlyList<string> labels, Action<HclBody> build)
    {
        var body = new HclBody();
        build(body);
        _items.Add(new HclBlock(type, labels, body));
        return this;
    }

    /// <summary>A <c>dynamic</c> block: <paramref name="forEach"/> is the collection expression.</summary>
    public HclBody Dynamic(string type, string forEach, Action<HclBody> content) =>
        Block("dynamic", type, b => b.Expr("for_each", forEach).Block("content", content));

    /// <summary>A comment line; none when <paramref name="text"/> is null (a comment only some outputs need).</summary>
    public HclBody Comment(string? text)
    {
        if (text is not null)
        {
            _items.Add(new HclComment(text));
        }

        return this;
    }

    public HclBody Blank()
    {
        _items.Add(new HclBlank());
        return this;
    }
}
