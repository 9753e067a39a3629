using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>Says why an attribute's value is unknown, for notes: the first reference that has no value.</summary>
public static class Unresolved
{
    public static string Describe(BlockView view, string attribute)
    {
        if (view.Attr(attribute) is not { } attr)
        {
            return attribute + " is unknown";
        }

        var (expr, scope) = ModuleInstance.Resolve(attr.Value, view.Scope);
        foreach (var reference in References(expr))
        {
            if (reference is HclGetAttr { Source: HclVariable root } g && !scope.TryLookup(root.Name, out _))
            {
                var name = root.Name + "." + g.Name;
                switch (root.Name)
                {
                    case "var" when HclValue.IsUnknown(HclEvaluator.Evaluate(g, scope)):
                        return name + " has no default and no value in the tfvars (pass one with --var-file)";
                    case "local" or "var":
                        continue;
                    case "data":
                        return attribute + " comes from a data source (" + name + "), read only when Terraform plans";
                    case "module":
                        return attribute + " comes from the output of " + name + ", which is not resolved";
                    case "each" or "count" or "path" or "self" or "terraform":
                        continue;
                    default:
                        return attribute + " is " + name + "…, known only after apply";
                }
            }
        }

        return attribute + " depends on a value Berth cannot resolve";
    }

    private static IEnumerable<HclExpr> References(HclExpr? expr)
    {
        switch (expr)
        {
            case HclGetAttr { Source: HclVariable } g:
                yield return g;
                break;
            case HclGetAttr g:
                foreach (var r in References(g.Source))
                {
                    yield return r;
                }

                break;
            case HclIndex i:
                foreach (var r in References(i.Source).Concat(References(i.Key)))
                {
                    yield return r;
                }

                break;
            case HclCall c:
                foreach (var r in c.Args.SelectMany(References))
                {
                    yield return r;
                }

                break;
            case HclTemplate t:
                foreach (var r in t.Parts.OfType<TemplateInterpolation>().SelectMany(p => References(p.Expr)))
                {
                    yield return r;
                }

                break;
            case HclConditional c:
                foreach (var r in References(c.Condition).Concat(References(c.True)).Concat(References(c.False)))
                {
                    yield return r;
                }

                break;
            case HclBinary b:
                foreach (var r in References(b.Left).Concat(References(b.Right)))
                {
                    yield return r;
                }

                break;
            case HclUnary u:
                foreach (var r in References(u.Operand))
                {
                    yield return r;
                }

                break;
            case HclParens p:
                foreach (var r in References(p.Inner))
                {
                    yield return r;
                }

                break;
        }
    }
}
