namespace Berth.Linting.Hcl;

/// <summary>What an expression can reach beyond its local bindings: the module's variables, locals, paths and files.</summary>
public interface IHclContext
{
    object? Variable(string name);

    object? Local(string name);

    object? PathValue(string name);

    /// <summary><c>module.NAME</c>: the outputs of a module call (a list or map of them with count or for_each).</summary>
    object? Module(string name);

    /// <summary>The text of a file inside the scanned tree; null when it is outside it or missing.</summary>
    string? ReadFile(string path);

    /// <summary>A path as Terraform would resolve it (relative to the root module's folder).</summary>
    string ResolvePath(string path);

    /// <summary>An expression went past an evaluation budget (<see cref="HclBudget"/>) and is unknown: the context may
    /// report it as a note on that expression.</summary>
    void OverBudget(SourceRange at, string reason)
    {
    }
}

/// <summary>An object whose attributes are computed when read (a module instance's outputs).</summary>
public sealed class LazyObject(Func<string, object?> get)
{
    public object? Get(string name) => get(name);
}

/// <summary>Local bindings (for-expression variables, <c>each</c>, <c>count</c>, dynamic iterators) over a context.</summary>
public sealed class HclScope
{
    private readonly IReadOnlyDictionary<string, object?> _bindings;
    private readonly HclScope? _parent;

    public HclScope(IHclContext? context, IReadOnlyDictionary<string, object?>? bindings = null, HclScope? parent = null)
    {
        Context = context;
        _bindings = bindings ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        _parent = parent;
    }

    public static HclScope Empty { get; } = new(null);

    public IHclContext? Context { get; }

    public HclScope With(string name, object? value) =>
        new(Context, new Dictionary<string, object?>(StringComparer.Ordinal) { [name] = value }, this);

    public HclScope With(IReadOnlyDictionary<string, object?> bindings) => new(Context, bindings, this);

    public bool TryLookup(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._bindings.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
