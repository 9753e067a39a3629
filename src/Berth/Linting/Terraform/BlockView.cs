using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>
/// A block as Terraform would see it for one instance: attributes evaluated in the instance's scope, nested
/// blocks including those a <c>dynamic</c> block generates.
/// </summary>
public sealed class BlockView(string type, HclBody body, HclScope scope, SourceRange range)
{
    public string Type { get; } = type;

    public HclBody Body { get; } = body;

    public HclScope Scope { get; } = scope;

    /// <summary>The block's range (its header line is where a finding about a missing setting points).</summary>
    public SourceRange Range { get; } = range;

    public HclAttr? Attr(string name) => Body.Attribute(name);

    public bool Has(string name) => Body.Attribute(name) is not null;

    /// <summary>The attribute's value; null when it is not set; <see cref="Unknown"/> when it cannot be known.</summary>
    public object? Get(string name) => Body.Attribute(name) is { } attr ? Normalize(HclEvaluator.Evaluate(attr.Value, Scope)) : null;

    public SourceRange RangeOf(string name) => Body.Attribute(name)?.Range ?? Range;

    public IReadOnlyList<BlockView> Blocks(string blockType)
    {
        var result = new List<BlockView>();
        foreach (var block in Body.Blocks)
        {
            if (block.Type == blockType)
            {
                result.Add(new BlockView(blockType, block.Body, Scope, block.Range));
            }
            else if (block.Type == "dynamic" && block.Labels is [var label] && label == blockType)
            {
                var content = block.Body.BlocksOfType("content").FirstOrDefault();
                if (content is null)
                {
                    continue;
                }

                var iterator = block.Body.Attribute("iterator")?.Value is HclVariable v ? v.Name : blockType;
                var forEach = block.Body.Attribute("for_each") is { } fe ? HclEvaluator.Evaluate(fe.Value, Scope) : null;
                if (forEach is EvalError)
                {
                    // What Terraform would reject (a missing attribute of an object, a type mismatch) creates no block.
                    continue;
                }

                foreach (var (key, value) in Instances.Pairs(forEach))
                {
                    var item = new HclDictionary();
                    item.Set("key", key);
                    item.Set("value", value);
                    result.Add(new BlockView(blockType, content.Body, Scope.With(iterator, item), block.Range));
                }
            }
        }

        return result;
    }

    /// <summary>True when a dynamic block of this type has a for_each that cannot be known: there may be more blocks.</summary>
    public bool MayHaveUnknownBlocks(string blockType) =>
        Body.Blocks.Any(b => b.Type == "dynamic" && b.Labels is [var label] && label == blockType
            && (b.Body.Attribute("for_each") is not { } fe || HclValue.IsUnknown(HclEvaluator.Evaluate(fe.Value, Scope))));

    public BlockView? Block(string blockType)
    {
        var blocks = Blocks(blockType);
        return blocks.Count > 0 ? blocks[0] : null;
    }

    /// <summary>Evaluates any expression in this block's scope.</summary>
    public object? Evaluate(HclExpr expr) => Normalize(HclEvaluator.Evaluate(expr, Scope));

    private static object? Normalize(object? value) => value switch
    {
        null or bool or decimal or string or HclDictionary or IReadOnlyList<object?> or Unknown => value,
        _ => Unknown.Value,
    };
}

public static class Instances
{
    /// <summary>The (key, value) pairs a for_each produces; one unknown pair when the collection is unknown.</summary>
    public static IReadOnlyList<(object? Key, object? Value)> Pairs(object? forEach) => forEach switch
    {
        HclDictionary m => m.Select(kv => ((object?)kv.Key, kv.Value)).ToList(),
        IReadOnlyList<object?> l => l.Select(v => (v, v)).ToList(),
        null => [],
        _ => [(Unknown.Value, Unknown.Value)],
    };
}
