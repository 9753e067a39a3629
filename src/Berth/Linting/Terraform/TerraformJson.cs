using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>
/// Terraform's JSON syntax (<c>*.tf.json</c>, developer.hashicorp.com/terraform/language/syntax/json) read into the
/// same syntax tree as native files: <c>resource</c>/<c>data</c> → type → name → body, <c>module</c>, <c>variable</c>,
/// <c>output</c> → name → body, <c>locals</c> → attributes. Strings are templates (<c>${…}</c> interpolates); a
/// variable's <c>type</c> is an expression and its <c>default</c> a literal, as the spec says. Without provider
/// schemas an object (or list of objects) in a body cannot be told from a nested block, so it is read as both:
/// rules asking for the attribute and rules asking for the block see it. Every node points at its key's line.
/// </summary>
public static class TerraformJson
{
    private static readonly HashSet<string> TwoLabels = new(StringComparer.Ordinal) { "resource", "data" };
    private static readonly HashSet<string> OneLabel = new(StringComparer.Ordinal) { "module", "variable", "output", "provider" };

    public static HclFile Parse(string path, string text)
    {
        var start = SourceRange.At(path, 1);
        if (JsonValues.Parse(text, path) is not HclDictionary root)
        {
            return new HclFile(path, new HclBody([], [], start), [], [new LintDiagnostic(start, "not a Terraform JSON file: the text is not a JSON object")]);
        }

        var diagnostics = new List<LintDiagnostic>();
        var blocks = new List<HclBlock>();
        foreach (var (type, value) in root)
        {
            var at = root.KeyRange(type) ?? start;
            if (TwoLabels.Contains(type) && value is HclDictionary byType)
            {
                foreach (var (resourceType, byName) in byType)
                {
                    foreach (var (name, body) in byName as HclDictionary ?? HclDictionary.Empty)
                    {
                        blocks.AddRange(Bodies(body).Select(b => new HclBlock(type, [resourceType, name], Body(b, (byName as HclDictionary)?.KeyRange(name) ?? at, type, diagnostics), (byName as HclDictionary)?.KeyRange(name) ?? at)));
                    }
                }
            }
            else if (OneLabel.Contains(type) && value is HclDictionary byName)
            {
                foreach (var (name, body) in byName)
                {
                    var range = byName.KeyRange(name) ?? at;
                    blocks.AddRange(Bodies(body).Select(b => new HclBlock(type, [name], Body(b, range, type, diagnostics), range)));
                }
            }
            else if (type is "locals" or "terraform" or "moved" or "import" or "check")
            {
                blocks.AddRange(Bodies(value).Select(b => new HclBlock(type, [], Body(b, at, type, diagnostics), at)));
            }
        }

        return new HclFile(path, new HclBody([], blocks, start), [], diagnostics) { MentionsSuppression = LintSuppressions.Mentioned(text) };
    }

    private static IEnumerable<HclDictionary> Bodies(object? value) => value switch
    {
        HclDictionary m => [m],
        IReadOnlyList<object?> list => list.OfType<HclDictionary>(),
        _ => [],
    };

    private static HclBody Body(HclDictionary json, SourceRange at, string blockType, List<LintDiagnostic> diagnostics)
    {
        var attributes = new List<HclAttr>();
        var blocks = new List<HclBlock>();
        foreach (var (key, value) in json)
        {
            if (key == "//")
            {
                continue;
            }

            var range = json.KeyRange(key) ?? at;
            if (blockType == "variable" && key == "type" && value is string typeText)
            {
                var (type, problems) = HclParser.ParseExpression(range.File, typeText);
                diagnostics.AddRange(problems.Select(p => p with { Range = range }));
                attributes.Add(new HclAttr(key, type, range));
                continue;
            }

            if (blockType == "variable" && key is "default" or "nullable")
            {
                attributes.Add(new HclAttr(key, new HclLiteral(value, range), range));
                continue;
            }

            if (key is "dynamic" && value is HclDictionary dynamics)
            {
                foreach (var (label, content) in dynamics)
                {
                    blocks.AddRange(Bodies(content).Select(b => new HclBlock("dynamic", [label], Body(b, dynamics.KeyRange(label) ?? range, "dynamic", diagnostics), dynamics.KeyRange(label) ?? range)));
                }

                continue;
            }

            if (blockType != "locals" && Bodies(value).Any())
            {
                blocks.AddRange(Bodies(value).Select(b => new HclBlock(key, [], Body(b, b.Range ?? range, key, diagnostics), b.Range ?? range)));
            }

            attributes.Add(new HclAttr(key, Expr(value, range, diagnostics), range));
        }

        return new HclBody(attributes, blocks, at);
    }

    private static HclExpr Expr(object? value, SourceRange at, List<LintDiagnostic> diagnostics)
    {
        switch (value)
        {
            case string s when s.Contains("${", StringComparison.Ordinal) || s.Contains("%{", StringComparison.Ordinal):
                {
                    var (template, problems) = HclParser.ParseTemplate(at.File, s);
                    diagnostics.AddRange(problems.Select(p => p with { Range = at }));
                    return template with { Range = at };
                }

            case string s:
                return new HclTemplate([new TemplateLiteral(s, at)], false, at);
            case IReadOnlyList<object?> list:
                return new HclTuple(list.Select(x => Expr(x, at, diagnostics)).ToList(), at);
            case HclDictionary map:
                return new HclObjectCons(map.Select(kv => new HclObjectItem(new HclKeyword(kv.Key, map.KeyRange(kv.Key) ?? at), Expr(kv.Value, map.KeyRange(kv.Key) ?? at, diagnostics), map.KeyRange(kv.Key) ?? at)).ToList(), map.Range ?? at);
            default:
                return new HclLiteral(value, at);
        }
    }
}
