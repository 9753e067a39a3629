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
        foreach (var g in Tf.Traversals(expr))
        {
            if (g.Source is HclVariable root && !scope.TryLookup(root.Name, out _))
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
                    case "module" when scope.Context is ModuleInstance module && module.Call(g.Name) is { Problem: { } problem }:
                        return attribute + " comes from " + name + ", which is not read (" + problem + ")";
                    case "module":
                        return attribute + " comes from an output of " + name + " that is known only after apply";
                    case "each" or "count" or "path" or "self" or "terraform":
                        continue;
                    default:
                        return attribute + " is " + name + "…, known only after apply";
                }
            }
        }

        return attribute + " depends on a value Berth cannot resolve";
    }
}
