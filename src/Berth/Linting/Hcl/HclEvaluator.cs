using System.Text;

namespace Berth.Linting.Hcl;

/// <summary>
/// Evaluates expressions the way Terraform would where it can; whatever depends on something it cannot know
/// (a resource attribute, a data source, a missing input) is <see cref="Unknown"/> — never a guess.
/// </summary>
public static class HclEvaluator
{
    /// <summary>A root name such as <c>var</c> or <c>local</c>: its attributes are looked up lazily.</summary>
    private sealed class Namespace(Func<string, object?> get)
    {
        public object? Get(string name) => get(name);
    }

    /// <summary>The value of an expression; past a budget (<see cref="HclBudget"/>) it is unknown and the scope's context is told.</summary>
    public static object? Evaluate(HclExpr expr, HclScope scope)
    {
        try
        {
            if (!HclBudget.Enter())
            {
                return OverBudget(expr, scope, HclBudget.DepthExceeded);
            }

            var value = EvaluateOnce(expr, scope);

            // Only expressions that build a value can make one too large; the rest pass on values already checked.
            return expr is HclTemplate or HclCall or HclTuple or HclObjectCons or HclFor or HclSplat or HclBinary
                && HclBudget.Exceeds(value) is { } reason
                ? OverBudget(expr, scope, reason)
                : value;
        }
        catch (HclBudgetException e)
        {
            return OverBudget(expr, scope, e.Message);
        }
        finally
        {
            HclBudget.Leave();
        }
    }

    private static Unknown OverBudget(HclExpr expr, HclScope scope, string reason)
    {
        scope.Context?.OverBudget(expr.Range, reason);
        return Unknown.Value;
    }

    private static object? EvaluateOnce(HclExpr expr, HclScope scope)
    {
        switch (expr)
        {
            case HclLiteral l:
                return l.Value;
            case HclTemplate t:
                return t.PlainText ?? EvaluateTemplate(t.Parts, scope);
            case HclVariable v:
                return Lookup(v.Name, scope);
            case HclKeyword k:
                return k.Name;
            case HclParens p:
                return Evaluate(p.Inner, scope);
            case HclGetAttr g:
                return GetAttr(Evaluate(g.Source, scope), g.Name);
            case HclIndex i:
                return Index(Evaluate(i.Source, scope), Evaluate(i.Key, scope));
            case HclSplat s:
                return Splat(s, scope);
            case HclSplatItem:
                return scope.TryLookup("*splat", out var item) ? item : Unknown.Value;
            case HclCall c:
                return HclFunctions.Call(c, scope);
            case HclConditional c:
                return Evaluate(c.Condition, scope) switch
                {
                    bool b => Evaluate(b ? c.True : c.False, scope),
                    Unknown => Unknown.Value,
                    _ => EvalError.Value,
                };
            case HclUnary u:
                return Unary(u.Op, Evaluate(u.Operand, scope));
            case HclBinary b:
                return Binary(b.Op, Evaluate(b.Left, scope), Evaluate(b.Right, scope));
            case HclTuple t:
                return t.Items.Select(x => Evaluate(x, scope)).ToList();
            case HclObjectCons o:
                return Object(o, scope);
            case HclFor f:
                return For(f, scope);
            default:
                return Unknown.Value;
        }
    }

    private static object? Lookup(string name, HclScope scope)
    {
        if (scope.TryLookup(name, out var bound))
        {
            return bound;
        }

        var context = scope.Context;
        return name switch
        {
            "var" when context is not null => new Namespace(context.Variable),
            "local" when context is not null => new Namespace(context.Local),
            "path" when context is not null => new Namespace(context.PathValue),
            "module" when context is not null => new Namespace(context.Module),
            "terraform" => new Namespace(n => n == "workspace" ? "default" : Unknown.Value),
            _ => Unknown.Value,
        };
    }

    public static object? GetAttr(object? source, string name) => source switch
    {
        Namespace ns => ns.Get(name),
        LazyObject lazy => lazy.Get(name),
        HclDictionary m => m.TryGetValue(name, out var v) ? v : EvalError.Value,
        Unknown => Unknown.Value,
        _ => EvalError.Value,
    };

    public static object? Index(object? source, object? key)
    {
        if (source is Unknown || key is Unknown)
        {
            return Unknown.Value;
        }

        if (source is EvalError || key is EvalError)
        {
            return EvalError.Value;
        }

        if (source is IReadOnlyList<object?> list && HclValue.AsNumber(key) is { } n && n == decimal.Truncate(n))
        {
            return n >= 0 && n < list.Count ? list[(int)n] : EvalError.Value;
        }

        if (source is HclDictionary map && HclValue.AsString(key) is { } k)
        {
            return map.TryGetValue(k, out var v) ? v : EvalError.Value;
        }

        return EvalError.Value;
    }

    private static object? Splat(HclSplat s, HclScope scope)
    {
        var source = Evaluate(s.Source, scope);
        IReadOnlyList<object?> items = source switch
        {
            Unknown or EvalError => [],
            null => [],
            IReadOnlyList<object?> list => list,
            HclDictionary when !s.Full => [],
            _ => [source],
        };
        if (source is Unknown or EvalError)
        {
            return source;
        }

        if (source is HclDictionary && !s.Full)
        {
            return EvalError.Value;
        }

        return items.Select(i => Evaluate(s.Each, scope.With("*splat", i))).ToList();
    }

    private static HclDictionary Object(HclObjectCons o, HclScope scope)
    {
        var map = new HclDictionary(o.Range);
        foreach (var item in o.Items)
        {
            var key = Evaluate(item.Key, scope);
            if (HclValue.AsString(key) is { } k)
            {
                map.Set(k, Evaluate(item.Value, scope), item.Key.Range);
            }
        }

        return map;
    }

    private static object? For(HclFor f, HclScope scope)
    {
        var collection = Evaluate(f.Collection, scope);
        IEnumerable<(object? Key, object? Value)> pairs;
        switch (collection)
        {
            case Unknown or EvalError:
                return collection;
            case HclDictionary m:
                pairs = m.Select(kv => ((object?)kv.Key, kv.Value));
                break;
            case IReadOnlyList<object?> l:
                pairs = l.Select((v, i) => ((object?)(decimal)i, v));
                break;
            default:
                return EvalError.Value;
        }

        var tuple = new List<object?>();
        var map = new HclDictionary(f.Range);
        var groups = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var bindings = new Dictionary<string, object?>(StringComparer.Ordinal) { [f.ValueVar] = value };
            if (f.KeyVar is not null)
            {
                bindings[f.KeyVar] = key;
            }

            var inner = scope.With(bindings);
            if (f.Condition is not null)
            {
                var keep = Evaluate(f.Condition, inner);
                if (keep is not bool b)
                {
                    return keep is Unknown ? Unknown.Value : EvalError.Value;
                }

                if (!b)
                {
                    continue;
                }
            }

            var result = Evaluate(f.ValueExpr, inner);
            if (f.KeyExpr is null)
            {
                tuple.Add(result);
                continue;
            }

            var k = Evaluate(f.KeyExpr, inner);
            if (k is Unknown)
            {
                return Unknown.Value;
            }

            if (HclValue.AsString(k) is not { } ks)
            {
                return EvalError.Value;
            }

            if (f.Grouping)
            {
                if (!groups.TryGetValue(ks, out var g))
                {
                    groups[ks] = g = [];
                }

                g.Add(result);
            }
            else
            {
                if (map.ContainsKey(ks))
                {
                    return EvalError.Value;
                }

                map.Set(ks, result);
            }
        }

        if (f.KeyExpr is null)
        {
            return tuple;
        }

        foreach (var (k, g) in groups)
        {
            map.Set(k, g);
        }

        return map;
    }

    private static object? Unary(string op, object? value)
    {
        if (value is Unknown or EvalError)
        {
            return value;
        }

        return op switch
        {
            "!" => HclValue.AsBool(value) is { } b ? !b : EvalError.Value,
            "-" => HclValue.AsNumber(value) is { } n ? -n : EvalError.Value,
            _ => EvalError.Value,
        };
    }

    private static object? Binary(string op, object? left, object? right)
    {
        if (left is EvalError || right is EvalError)
        {
            return EvalError.Value;
        }

        if (left is Unknown || right is Unknown)
        {
            return Unknown.Value;
        }

        switch (op)
        {
            case "==":
                return HclValue.Equal(left, right);
            case "!=":
                return !HclValue.Equal(left, right);
            case "&&" or "||":
                if (HclValue.AsBool(left) is not { } lb || HclValue.AsBool(right) is not { } rb)
                {
                    return EvalError.Value;
                }

                return op == "&&" ? lb && rb : lb || rb;
        }

        if (HclValue.AsNumber(left) is not { } l || HclValue.AsNumber(right) is not { } r)
        {
            return EvalError.Value;
        }

        try
        {
            return op switch
            {
                "+" => l + r,
                "-" => l - r,
                "*" => l * r,
                "/" => r == 0 ? EvalError.Value : l / r,
                "%" => r == 0 ? EvalError.Value : l % r,
                "<" => l < r,
                "<=" => l <= r,
                ">" => l > r,
                ">=" => l >= r,
                _ => EvalError.Value,
            };
        }
        catch (OverflowException)
        {
            return EvalError.Value;
        }
    }

    public static object? EvaluateTemplate(IReadOnlyList<TemplatePart> parts, HclScope scope)
    {
        // A template that is exactly one interpolation keeps the value's type, as in Terraform.
        if (parts is [TemplateInterpolation only])
        {
            return Evaluate(only.Expr, scope);
        }

        var sb = new StringBuilder();
        return Render(parts, scope, sb) is { } failure ? failure : sb.ToString();
    }

    /// <summary>Appends the parts; returns a sentinel when one is unknown or wrong, else null.</summary>
    private static object? Render(IReadOnlyList<TemplatePart> parts, HclScope scope, StringBuilder sb)
    {
        if (sb.Length > 10_000_000)
        {
            return EvalError.Value;
        }

        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplateLiteral lit:
                    sb.Append(lit.Text);
                    break;
                case TemplateInterpolation i:
                    {
                        var value = Evaluate(i.Expr, scope);
                        if (value is Unknown or EvalError)
                        {
                            return value;
                        }

                        if (HclValue.AsString(value) is not { } s)
                        {
                            return EvalError.Value;
                        }

                        sb.Append(s);
                        break;
                    }

                case TemplateIf iff:
                    {
                        var condition = Evaluate(iff.Condition, scope);
                        if (condition is not bool b)
                        {
                            return condition is Unknown ? Unknown.Value : EvalError.Value;
                        }

                        if (Render(b ? iff.Then : iff.Else, scope, sb) is { } failure)
                        {
                            return failure;
                        }

                        break;
                    }

                case TemplateFor loop:
                    {
                        var collection = Evaluate(loop.Collection, scope);
                        IEnumerable<(object? Key, object? Value)> pairs = collection switch
                        {
                            HclDictionary m => m.Select(kv => ((object?)kv.Key, kv.Value)),
                            IReadOnlyList<object?> l => l.Select((v, n) => ((object?)(decimal)n, v)),
                            _ => [],
                        };
                        if (collection is not (HclDictionary or IReadOnlyList<object?>))
                        {
                            return collection is Unknown ? Unknown.Value : EvalError.Value;
                        }

                        foreach (var (k, v) in pairs)
                        {
                            var bindings = new Dictionary<string, object?>(StringComparer.Ordinal) { [loop.ValueVar] = v };
                            if (loop.KeyVar is not null)
                            {
                                bindings[loop.KeyVar] = k;
                            }

                            if (Render(loop.Body, scope.With(bindings), sb) is { } failure)
                            {
                                return failure;
                            }
                        }

                        break;
                    }
            }
        }

        return null;
    }
}
