using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>Helpers the Terraform rules share.</summary>
public static class Tf
{
    public static bool IsTrue(object? value) => HclValue.AsBool(value) == true;

    public static bool IsFalse(object? value) => HclValue.AsBool(value) == false;

    /// <summary>The strings of a known list; null when the value (or an item) is unknown or not a list.</summary>
    public static IReadOnlyList<string>? Strings(object? value) =>
        value is IReadOnlyList<object?> list && list.All(x => HclValue.AsString(x) is not null)
            ? list.Select(x => HclValue.AsString(x) ?? "").ToList()
            : null;

    /// <summary>The resources an expression refers to, as "type.name".</summary>
    public static IReadOnlySet<string> References(HclExpr expr) =>
        Traversals(expr)
            .Where(g => ((HclVariable)g.Source).Name is not ("var" or "local" or "module" or "data" or "path" or "each" or "count" or "self"))
            .Select(g => ((HclVariable)g.Source).Name + "." + g.Name)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every <c>root.name</c> traversal in an expression (var.x, local.y, aws_iam_role.z, …), in source order.</summary>
    public static IEnumerable<HclGetAttr> Traversals(HclExpr? expr)
    {
        var found = new List<HclGetAttr>();
        Walk(expr, found);
        return found;
    }

    private static void Walk(HclExpr? expr, List<HclGetAttr> into)
    {
        switch (expr)
        {
            case HclGetAttr { Source: HclVariable } g:
                into.Add(g);
                break;
            case HclFor f:
                {
                    Walk(f.Collection, into);
                    var start = into.Count;
                    Walk(f.KeyExpr, into);
                    Walk(f.ValueExpr, into);
                    Walk(f.Condition, into);

                    // The loop's own variables are not references.
                    into.RemoveAll(g => into.IndexOf(g) >= start && g.Source is HclVariable v && (v.Name == f.ValueVar || v.Name == f.KeyVar));
                    break;
                }

            default:
                foreach (var child in Children(expr))
                {
                    Walk(child, into);
                }

                break;
        }
    }

    /// <summary>The expressions directly inside one (the parts a traversal can hide in).</summary>
    private static IEnumerable<HclExpr> Children(HclExpr? expr) => expr switch
    {
        HclGetAttr g => [g.Source],
        HclIndex i => [i.Source, i.Key],
        HclSplat s => [s.Source],
        HclCall c => c.Args,
        HclTemplate t => t.PlainText is not null ? [] : t.Parts.OfType<TemplateInterpolation>().Select(p => p.Expr),
        HclBinary b => [b.Left, b.Right],
        HclUnary u => [u.Operand],
        HclConditional c => [c.Condition, c.True, c.False],
        HclParens p => [p.Inner],
        HclTuple t => t.Items,
        HclObjectCons o => o.Items.SelectMany(item => new[] { item.Key, item.Value }),
        HclFor f => new[] { f.Collection, f.KeyExpr, f.ValueExpr, f.Condition }.OfType<HclExpr>(),
        _ => [],
    };

    /// <summary>
    /// The resource instances of a type in the same module instance that the attribute refers to. An index
    /// (<c>aws_ecs_task_definition.this[each.key]</c>, <c>[count.index]</c>, <c>["api"]</c>) is evaluated in the
    /// referring instance's scope, so each service is paired with its own task definition; an index that cannot be
    /// known pairs with none (never with all of them).
    /// </summary>
    public static IReadOnlyList<TerraformResource> Referenced(TerraformResource from, string attribute, string type)
    {
        if (from.View.Attr(attribute) is not { } attr)
        {
            return [];
        }

        var (expr, scope) = ModuleInstance.Resolve(attr.Value, from.View.Scope);
        var result = new List<TerraformResource>();
        foreach (var (name, key) in IndexedReferences(expr, type))
        {
            var instances = from.Module.Resources.Where(r => r.Mode == "resource" && r.Type == type && r.Name == name);
            if (key is null)
            {
                result.AddRange(instances);
                continue;
            }

            var value = HclEvaluator.Evaluate(key, scope);
            result.AddRange(instances.Where(r => HclValue.Equal(r.Key, value) || (HclValue.AsString(r.Key) is { } k && k == HclValue.AsString(value))));
        }

        return result.Distinct().ToList();
    }

    /// <summary>Every <c>type.name</c> in an expression with the index that follows it, if any.</summary>
    private static List<(string Name, HclExpr? Key)> IndexedReferences(HclExpr expr, string type)
    {
        var found = new List<(string, HclExpr?)>();
        var indexed = new HashSet<HclGetAttr>(ReferenceEqualityComparer.Instance);
        Visit(expr);
        foreach (var g in Traversals(expr))
        {
            if (g.Source is HclVariable v && v.Name == type && !indexed.Contains(g))
            {
                found.Add((g.Name, null));
            }
        }

        return found;

        void Visit(HclExpr? e)
        {
            if (e is HclIndex { Source: HclGetAttr { Source: HclVariable v } g } i && v.Name == type)
            {
                indexed.Add(g);
                found.Add((g.Name, i.Key));
                Visit(i.Key);
                return;
            }

            foreach (var child in Children(e))
            {
                Visit(child);
            }
        }
    }

    /// <summary>Whether <c>lifecycle { ignore_changes = [...] }</c> names the attribute (or is <c>all</c>).</summary>
    public static bool IgnoresChanges(TerraformResource resource, string attribute) =>
        resource.View.Body.BlocksOfType("lifecycle").Any(l => l.Body.Attribute("ignore_changes")?.Value switch
        {
            HclTuple t => t.Items.Any(i => i is HclVariable v && v.Name == attribute || i is HclTemplate { LiteralText: { } text } && text == attribute),
            HclVariable { Name: "all" } => true,
            HclTemplate { LiteralText: "all" } => true,
            _ => false,
        });
}

/// <summary>One container of a task definition, with where each of its keys was written.</summary>
public sealed record EcsContainer(HclDictionary Values, SourceRange Range)
{
    public string Name => HclValue.AsString(Values.GetOrNull("name")) ?? "(unnamed)";

    public object? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;

    public bool Has(string key) => Values.ContainsKey(key) && Values[key] is not null;

    public SourceRange RangeOf(string key) => Values.KeyRange(key) ?? Range;
}

public static class EcsContainers
{
    /// <summary>
    /// The containers of an <c>aws_ecs_task_definition</c>, read from <c>jsonencode(...)</c>, a heredoc, a string or
    /// <c>file(...)</c> — following locals and variables — with ranges pointing at the JSON or HCL that defines them.
    /// Null when they cannot be known.
    /// </summary>
    public static IReadOnlyList<EcsContainer>? Read(TerraformResource task) => task.Memo(nameof(EcsContainers), ReadUncached);

    private static List<EcsContainer>? ReadUncached(TerraformResource task)
    {
        if (task.View.Attr("container_definitions") is not { } attr)
        {
            return null;
        }

        var (expr, scope) = ModuleInstance.Resolve(attr.Value, task.View.Scope);
        object? value;
        if (expr is HclCall { Name: "jsonencode", Args: [var arg] })
        {
            value = HclEvaluator.Evaluate(arg, scope);
        }
        else
        {
            if (HclEvaluator.Evaluate(expr, scope) is not string text)
            {
                return null;
            }

            value = expr switch
            {
                HclTemplate t => JsonValues.Parse(text, t.Range.File, t.ContentStart.Line, t.ContentStart.Column),
                HclCall { Name: "file" or "templatefile", Args.Count: > 0 } c when HclValue.AsString(HclEvaluator.Evaluate(c.Args[0], scope)) is { } p && scope.Context is { } context
                    => JsonValues.Parse(text, context.ResolvePath(p)),
                _ => Flatten(JsonValues.Parse(text, attr.Range.File), attr.Range),
            };
        }

        if (value is not IReadOnlyList<object?> list)
        {
            return null;
        }

        return list.OfType<HclDictionary>().Select(m => new EcsContainer(m, m.Range ?? attr.Range)).ToList();
    }

    /// <summary>When the JSON's origin is not known, every container points at the attribute.</summary>
    private static object? Flatten(object? value, SourceRange at) => value is IReadOnlyList<object?> list
        ? list.Select(x => x is HclDictionary m ? Rebase(m, at) : x).ToList()
        : value;

    private static HclDictionary Rebase(HclDictionary m, SourceRange at)
    {
        var copy = new HclDictionary(at);
        foreach (var (k, v) in m)
        {
            copy.Set(k, v, at);
        }

        return copy;
    }
}
