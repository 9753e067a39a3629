using Berth.Linting;
using Berth.Linting.Hcl;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting;

/// <summary>
/// No silent skips: every Terraform rule, given its failing example with any one value it could read made unknown
/// (a variable without a default), still decides — a finding — or says it cannot — a note. Values are every attribute
/// of the example's resources, nested blocks included, and every key of the objects inside them (container
/// definitions, add-on maps).
/// </summary>
public sealed class UnknownValueTests
{
    public static TheoryData<string> TerraformRules() => [.. RuleRegistry.All.Where(r => r.Failing.FileName.EndsWith(".tf", StringComparison.Ordinal)).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(TerraformRules))]
    public void Every_rule_decides_or_leaves_a_note_when_a_value_it_reads_is_unknown(string id)
    {
        var rule = RuleRegistry.All.Single(r => r.Id == id);
        var text = rule.Failing.Content;
        var file = HclParser.Parse("main.tf", text);
        var silent = new List<string>();
        foreach (var (name, range) in Values(file.Body))
        {
            var changed = text[..range.Start.Offset] + "var.berth_unknown" + text[range.End.Offset..] + "\nvariable \"berth_unknown\" {}\n";
            if (LintFiles.Run([rule], [(rule.Failing.FileName, changed)]).Findings.Count == 0)
            {
                silent.Add(name + " (line " + range.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
            }
        }

        silent.ShouldBeEmpty(id + " says nothing when one of these is unknown");
    }

    private static IEnumerable<(string Name, SourceRange Range)> Values(HclBody body)
    {
        foreach (var block in body.Blocks.Where(b => b.Type is "resource" or "data" or "module"))
        {
            foreach (var value in InBody(block.Body))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<(string Name, SourceRange Range)> InBody(HclBody body)
    {
        foreach (var attr in body.Attributes.Where(a => a.Name is not ("count" or "for_each" or "depends_on" or "source" or "version")))
        {
            yield return (attr.Name, attr.Value.Range);
            foreach (var inner in InExpr(attr.Value))
            {
                yield return inner;
            }
        }

        foreach (var block in body.Blocks.Where(b => b.Type != "lifecycle"))
        {
            foreach (var value in InBody(block.Body))
            {
                yield return (block.Type + "." + value.Name, value.Range);
            }
        }
    }

    private static IEnumerable<(string Name, SourceRange Range)> InExpr(HclExpr expr)
    {
        switch (expr)
        {
            case HclObjectCons o:
                foreach (var item in o.Items)
                {
                    var key = item.Key is HclKeyword k ? k.Name : "?";
                    yield return (key, item.Value.Range);
                    foreach (var inner in InExpr(item.Value))
                    {
                        yield return (key + "." + inner.Name, inner.Range);
                    }
                }

                break;
            case HclTuple t:
                foreach (var inner in t.Items.SelectMany(InExpr))
                {
                    yield return inner;
                }

                break;
            case HclCall c:
                foreach (var inner in c.Args.SelectMany(InExpr))
                {
                    yield return inner;
                }

                break;
        }
    }
}
