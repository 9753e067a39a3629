using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>
/// A variable's <c>type</c> applied to its value the way Terraform converts it: an <c>optional(type, default)</c>
/// attribute that is absent or null takes its default (or null), inside objects, maps, lists and sets at any depth
/// (Terraform 1.3+, internal/terraform/eval_variable.go: defaults are applied before type conversion, to the
/// default value as well as to given values). Everything else is left as it is.
/// </summary>
public static class TypeDefaults
{
    public static object? Apply(HclExpr? type, object? value)
    {
        switch (type)
        {
            case HclCall { Name: "object", Args: [HclObjectCons fields] } when value is HclDictionary map:
                {
                    var result = new HclDictionary(map.Range);
                    foreach (var (k, v) in map)
                    {
                        result.Set(k, v, map.KeyRange(k));
                    }

                    foreach (var field in fields.Items)
                    {
                        if (HclValue.AsString(HclEvaluator.Evaluate(field.Key, HclScope.Empty)) is not { } name)
                        {
                            continue;
                        }

                        var present = map.TryGetValue(name, out var given) && given is not null;
                        if (field.Value is HclCall { Name: "optional", Args: [var inner, ..] } optional)
                        {
                            var filled = present ? given : optional.Args.Count > 1 ? HclEvaluator.Evaluate(optional.Args[1], HclScope.Empty) : null;
                            result.Set(name, Apply(inner, filled), map.KeyRange(name));
                        }
                        else if (present)
                        {
                            result.Set(name, Apply(field.Value, given), map.KeyRange(name));
                        }
                    }

                    return result;
                }

            case HclCall { Name: "map", Args: [var element] } when value is HclDictionary map:
                {
                    var result = new HclDictionary(map.Range);
                    foreach (var (k, v) in map)
                    {
                        result.Set(k, Apply(element, v), map.KeyRange(k));
                    }

                    return result;
                }

            case HclCall { Name: "list" or "set", Args: [var element] } when value is IReadOnlyList<object?> list:
                return list.Select(x => Apply(element, x)).ToList();
            default:
                return value;
        }
    }
}
