using System.Globalization;
using System.Text;

namespace Berth.Linting.Hcl;

/// <summary>
/// The safe subset of Terraform's functions: pure ones, plus <c>file</c> and <c>templatefile</c> confined to the
/// scanned tree. Any other function gives <see cref="Unknown"/>.
/// </summary>
public static class HclFunctions
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "abs", "can", "ceil", "coalesce", "coalescelist", "compact", "concat", "contains", "distinct", "element", "endswith",
        "file", "flatten", "floor", "format", "join", "jsondecode", "jsonencode", "keys", "length", "lookup", "lower", "max",
        "merge", "min", "replace", "split", "startswith", "substr", "templatefile", "tobool", "tolist", "tomap", "tonumber",
        "toset", "tostring", "trimspace", "try", "upper", "values",
    ];

    public static object? Call(HclCall call, HclScope scope)
    {
        // try and can look at errors instead of propagating them, so they evaluate their own arguments.
        if (call.Name == "try")
        {
            foreach (var arg in call.Args)
            {
                var value = HclEvaluator.Evaluate(arg, scope);
                if (value is not EvalError && !HclValue.ContainsError(value))
                {
                    return value;
                }
            }

            return EvalError.Value;
        }

        if (call.Name == "can")
        {
            if (call.Args.Count != 1)
            {
                return EvalError.Value;
            }

            var value = HclEvaluator.Evaluate(call.Args[0], scope);
            return value is Unknown ? Unknown.Value : value is not EvalError && !HclValue.ContainsError(value);
        }

        var args = call.Args.Select(a => HclEvaluator.Evaluate(a, scope)).ToList();
        if (call.ExpandFinal && args.Count > 0)
        {
            var last = args[^1];
            args.RemoveAt(args.Count - 1);
            if (last is IReadOnlyList<object?> spread)
            {
                args.AddRange(spread);
            }
            else
            {
                return last is Unknown ? Unknown.Value : EvalError.Value;
            }
        }

        // Functions that tolerate unknown arguments inside collections handle them below; others propagate.
        if (call.Name is not ("coalesce" or "merge" or "concat" or "length" or "lookup" or "jsonencode" or "element" or "keys" or "values" or "tolist" or "toset" or "tomap" or "flatten")
            && args.Any(a => a is Unknown or EvalError))
        {
            return args.Any(a => a is EvalError) ? EvalError.Value : Unknown.Value;
        }

        if (args.Any(a => a is EvalError))
        {
            return EvalError.Value;
        }

        try
        {
            return Invoke(call.Name, args, scope);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            return EvalError.Value;
        }
    }

    private static object? Invoke(string name, List<object?> a, HclScope scope)
    {
        string Str(int i) => HclValue.AsString(a[i]) ?? throw new FormatException();
        decimal Num(int i) => HclValue.AsNumber(a[i]) ?? throw new FormatException();
        IReadOnlyList<object?> List(int i) => a[i] as IReadOnlyList<object?> ?? throw new FormatException();

        switch (name)
        {
            case "jsonencode" when a.Count == 1:
                return HclValue.ContainsUnknown(a[0]) ? Unknown.Value : JsonValues.Encode(a[0]);
            case "jsondecode" when a.Count == 1:
                return JsonValues.Parse(Str(0), "(jsondecode)");
            case "merge":
                {
                    if (a.Any(x => x is Unknown))
                    {
                        return Unknown.Value;
                    }

                    var merged = new HclDictionary(a.OfType<HclDictionary>().LastOrDefault()?.Range);
                    foreach (var arg in a)
                    {
                        if (arg is null)
                        {
                            continue;
                        }

                        if (arg is not HclDictionary m)
                        {
                            return EvalError.Value;
                        }

                        foreach (var (k, v) in m)
                        {
                            merged.Set(k, v, m.KeyRange(k));
                        }
                    }

                    return merged;
                }

            case "concat":
                {
                    if (a.Any(x => x is Unknown))
                    {
                        return Unknown.Value;
                    }

                    return a.SelectMany(x => x as IReadOnlyList<object?> ?? throw new FormatException()).ToList();
                }

            case "flatten" when a.Count == 1:
                return a[0] is Unknown ? Unknown.Value : Flatten(List(0));
            case "lookup" when a.Count is 2 or 3:
                if (a[0] is Unknown || a[1] is Unknown)
                {
                    return Unknown.Value;
                }

                return a[0] is HclDictionary lm && lm.TryGetValue(Str(1), out var found) ? found : a.Count == 3 ? a[2] : EvalError.Value;
            case "coalesce":
                foreach (var x in a)
                {
                    if (x is Unknown)
                    {
                        return Unknown.Value;
                    }

                    if (x is not null && !(x is string s && s.Length == 0))
                    {
                        return x;
                    }
                }

                return EvalError.Value;
            case "coalescelist":
                return a.FirstOrDefault(x => x is IReadOnlyList<object?> { Count: > 0 }) ?? EvalError.Value;
            case "compact" when a.Count == 1:
                return List(0).Where(x => x is string { Length: > 0 }).ToList();
            case "format" when a.Count >= 1:
                return Format(Str(0), a.Skip(1).ToList());
            case "join" when a.Count == 2:
                if (HclValue.ContainsUnknown(a[1]))
                {
                    return Unknown.Value;
                }

                // The result's length is known before it is built: refuse one past the budget instead of building it.
                var parts = List(1).Select(x => HclValue.AsString(x) ?? throw new FormatException()).ToList();
                HclBudget.CheckCharacters(parts.Sum(p => (long)p.Length) + ((long)Str(0).Length * Math.Max(0, parts.Count - 1)));
                return string.Join(Str(0), parts);
            case "split" when a.Count == 2:
                HclBudget.CheckElements(Str(0).Length == 0 ? 1 : Occurrences(Str(1), Str(0)) + 1);
                return Str(1).Split(Str(0)).Cast<object?>().ToList();
            case "replace" when a.Count == 3:
                if (Str(1).Length > 0 && Str(2).Length > Str(1).Length)
                {
                    HclBudget.CheckCharacters(Str(0).Length + (Occurrences(Str(0), Str(1)) * (long)(Str(2).Length - Str(1).Length)));
                }

                return Str(0).Replace(Str(1), Str(2), StringComparison.Ordinal);
            case "tostring" when a.Count == 1:
                return a[0] is null ? null : HclValue.AsString(a[0]) ?? throw new FormatException();
            case "tonumber" when a.Count == 1:
                return a[0] is null ? null : HclValue.AsNumber(a[0]) ?? throw new FormatException();
            case "tobool" when a.Count == 1:
                return a[0] is null ? null : HclValue.AsBool(a[0]) ?? throw new FormatException();
            case "tolist" or "toset" when a.Count == 1:
                if (a[0] is Unknown)
                {
                    return Unknown.Value;
                }

                return name == "toset" ? Distinct(List(0)) : List(0);
            case "tomap" when a.Count == 1:
                return a[0] is Unknown ? Unknown.Value : a[0] as HclDictionary ?? throw new FormatException();
            case "length" when a.Count == 1:
                return a[0] switch
                {
                    Unknown => Unknown.Value,
                    string s => (decimal)s.Length,
                    HclDictionary m => (decimal)m.Count,
                    IReadOnlyList<object?> l => (decimal)l.Count,
                    _ => EvalError.Value,
                };
            case "element" when a.Count == 2:
                {
                    if (a[0] is Unknown || a[1] is Unknown)
                    {
                        return Unknown.Value;
                    }

                    var list = List(0);
                    var index = (int)Num(1);
                    return list.Count == 0 || index < 0 ? EvalError.Value : list[index % list.Count];
                }

            case "keys" when a.Count == 1:
                return a[0] is Unknown ? Unknown.Value : ((HclDictionary?)a[0] ?? throw new FormatException()).Keys.Cast<object?>().ToList();
            case "values" when a.Count == 1:
                return a[0] is Unknown ? Unknown.Value : ((HclDictionary?)a[0] ?? throw new FormatException()).Values.ToList();
            case "contains" when a.Count == 2:
                return List(0).Any(x => HclValue.Equal(x, a[1]));
            case "distinct" when a.Count == 1:
                return Distinct(List(0));
            case "upper" when a.Count == 1:
                return Str(0).ToUpperInvariant();
            case "lower" when a.Count == 1:
                return Str(0).ToLowerInvariant();
            case "trimspace" when a.Count == 1:
                return Str(0).Trim();
            case "startswith" when a.Count == 2:
                return Str(0).StartsWith(Str(1), StringComparison.Ordinal);
            case "endswith" when a.Count == 2:
                return Str(0).EndsWith(Str(1), StringComparison.Ordinal);
            case "substr" when a.Count == 3:
                {
                    var s = Str(0);
                    var offset = Math.Clamp((int)Num(1), 0, s.Length);
                    var length = (int)Num(2);
                    return length < 0 ? s[offset..] : s.Substring(offset, Math.Min(length, s.Length - offset));
                }

            case "max" when a.Count > 0:
                return a.Select((_, i) => Num(i)).Max();
            case "min" when a.Count > 0:
                return a.Select((_, i) => Num(i)).Min();
            case "abs" when a.Count == 1:
                return Math.Abs(Num(0));
            case "ceil" when a.Count == 1:
                return Math.Ceiling(Num(0));
            case "floor" when a.Count == 1:
                return Math.Floor(Num(0));
            case "file" when a.Count == 1:
                return scope.Context?.ReadFile(Str(0)) is { } text ? text : Unknown.Value;
            case "templatefile" when a.Count == 2:
                {
                    if (scope.Context?.ReadFile(Str(0)) is not { } source || a[1] is not HclDictionary vars)
                    {
                        return Unknown.Value;
                    }

                    var (template, diagnostics) = HclParser.ParseTemplate(scope.Context.ResolvePath(Str(0)), source);
                    if (diagnostics.Count > 0)
                    {
                        return EvalError.Value;
                    }

                    var bindings = vars.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                    return HclEvaluator.EvaluateTemplate(template.Parts, new HclScope(null, bindings).With("path", Unknown.Value));
                }

            default:
                return HclMoreFunctions.Invoke(name, a, scope);
        }
    }

    private static List<object?> Flatten(IReadOnlyList<object?> list)
    {
        var result = new List<object?>();
        foreach (var x in list)
        {
            if (x is IReadOnlyList<object?> inner)
            {
                result.AddRange(Flatten(inner));
            }
            else
            {
                result.Add(x);
            }
        }

        return result;
    }

    /// <summary>The first of each equal value, in order. Strings, numbers and bools are looked up by hash — a
    /// <c>for_each = toset(…)</c> over 200,000 names compared every pair and took minutes; lists and objects are
    /// compared in full, as <see cref="HclValue.Equal"/> does.</summary>
    internal static List<object?> Distinct(IEnumerable<object?> list)
    {
        var result = new List<object?>();
        var primitives = new HashSet<(int Kind, string Text)>();
        var composites = new List<object?>();
        foreach (var x in list)
        {
            (int, string)? key = x switch
            {
                null => (0, ""),
                string text => (1, text),
                decimal number => (2, HclValue.FormatNumber(number)),
                bool flag => (3, flag ? "true" : "false"),
                _ => null,
            };
            if (key is { } k ? primitives.Add(k) : !composites.Any(r => HclValue.Equal(r, x)))
            {
                if (key is null)
                {
                    composites.Add(x);
                }

                result.Add(x);
            }
        }

        return result;
    }

    /// <summary>Non-overlapping occurrences of <paramref name="part"/> in <paramref name="text"/> (as Replace and Split count them).</summary>
    private static long Occurrences(string text, string part)
    {
        long n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>Terraform's <c>format</c>: %s, %d, %v, %q, %f, %% (widths and flags are not supported).</summary>
    internal static string Format(string spec, List<object?> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < spec.Length; i++)
        {
            if (spec[i] != '%' || i + 1 >= spec.Length)
            {
                sb.Append(spec[i]);
                continue;
            }

            var verb = spec[++i];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (next >= args.Count)
            {
                throw new FormatException();
            }

            var arg = args[next++];
            sb.Append(verb switch
            {
                's' or 'v' => HclValue.AsString(arg) ?? JsonValues.Encode(arg),
                'd' => HclValue.FormatNumber(decimal.Truncate(HclValue.AsNumber(arg) ?? throw new FormatException())),
                'f' => (HclValue.AsNumber(arg) ?? throw new FormatException()).ToString("0.000000", CultureInfo.InvariantCulture),
                'q' => JsonValues.Encode(HclValue.AsString(arg) ?? throw new FormatException()),
                _ => throw new FormatException(),
            });
        }

        return sb.ToString();
    }
}
