using Berth.Linting.Hcl;

namespace Berth.Tests.Linting.Hcl;

public sealed class HclParserTests
{
    private static HclFile Parse(string text)
    {
        var file = HclParser.Parse("main.tf", text);
        file.Diagnostics.ShouldBeEmpty(string.Join("\n", file.Diagnostics));
        return file;
    }

    private static HclExpr Expr(string text)
    {
        var (expr, diagnostics) = HclParser.ParseExpression("x.tf", text);
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        return expr;
    }

    [Fact]
    public void A_plain_string_gives_the_part_and_ranges_the_general_template_scan_gives()
    {
        // Plain strings keep only their text in the tree; the literal part is made when asked for.
        var plain = Expr("\"tcp\"").ShouldBeOfType<HclTemplate>();
        plain.PlainText.ShouldBe("tcp");
        var part = plain.Parts.ShouldHaveSingleItem().ShouldBeOfType<TemplateLiteral>();
        part.Text.ShouldBe("tcp");
        part.Range.Start.ShouldBe(new Berth.Linting.SourcePos(1, 2, 1));
        part.Range.End.ShouldBe(plain.Range.End);

        // The same text through the general scan (an escape sends it there) has the same part range.
        var scanned = Expr("\"tc\\u0070\"").ShouldBeOfType<HclTemplate>();
        scanned.PlainText.ShouldBeNull();
        scanned.Parts.ShouldHaveSingleItem().ShouldBeOfType<TemplateLiteral>().Range.Start.ShouldBe(part.Range.Start);

        Expr("\"\"").ShouldBeOfType<HclTemplate>().Parts.ShouldBeEmpty();

        // Its literal text, whichever way it was read; none for an empty string or an interpolation.
        plain.LiteralText.ShouldBe("tcp");
        scanned.LiteralText.ShouldBe("tcp");
        Expr("\"\"").ShouldBeOfType<HclTemplate>().LiteralText.ShouldBeNull();
        Expr("\"a${b}\"").ShouldBeOfType<HclTemplate>().LiteralText.ShouldBeNull();
    }

    [Fact]
    public void A_block_label_is_its_literal_text_and_an_interpolated_one_is_an_error()
    {
        var file = HclParser.Parse("main.tf", "resource \"a${x}\" \"\" {}\nresource \"aws_s\\u0033\" \"b\" {}\n");
        file.Body.Blocks[0].Labels.ShouldBe(["?", ""]);
        file.Body.Blocks[1].Labels.ShouldBe(["aws_s3", "b"]);
        file.Diagnostics.Select(d => d.ToString()).ShouldBe(["main.tf:1:10: a block label cannot contain interpolation"]);
    }

    [Fact]
    public void Number_literals_share_boxes_only_where_the_value_and_scale_are_the_same()
    {
        var a = Expr("443").ShouldBeOfType<HclLiteral>().Value;
        var b = Expr("443").ShouldBeOfType<HclLiteral>().Value;
        ReferenceEquals(a, b).ShouldBeTrue();
        a.ShouldBe(443m);
        var scaled = Expr("1.0").ShouldBeOfType<HclLiteral>().Value.ShouldBeOfType<decimal>();
        ((int)scaled.Scale).ShouldBe(1);
        Expr("1024").ShouldBeOfType<HclLiteral>().Value.ShouldBe(1024m);
        Expr("true").ShouldBeOfType<HclLiteral>().Value.ShouldBe(true);
    }

    [Theory]
    [InlineData("main.tf", "locals { a = 1 } # berth:ignore BERTH-ECS-002 a reason\n", true)]
    [InlineData("main.tf", "locals {\n  a = <<EOT\nberth:ignore inside a heredoc is still text the scan reads\nEOT\n}\n", true)]
    [InlineData("main.tf", "locals { a = \"berth\" } # ignore\n", false)]
    [InlineData("main.tf.json", "{ \"locals\": { \"a\": \"berth:ignore\" } }", true)]
    [InlineData("main.tf.json", "{ \"locals\": { \"a\": 1 } }", false)]
    public void A_file_says_whether_its_text_may_hold_a_suppression(string path, string text, bool mentioned)
    {
        // The linter reads a file with findings again for its berth:ignore comments only when this is true.
        var file = path.EndsWith(".json", StringComparison.Ordinal) ? Berth.Linting.Terraform.TerraformJson.Parse(path, text) : HclParser.Parse(path, text);
        file.MentionsSuppression.ShouldBe(mentioned);
    }

    [Fact]
    public void Blocks_attributes_labels_and_ranges()
    {
        var file = Parse("""
            # a comment
            resource "aws_ecs_service" "api" {
              name = "api" // trailing
              network_configuration {
                assign_public_ip = false
              }
              /* block
                 comment */
              lifecycle { ignore_changes = [desired_count] }
            }
            locals { a = 1 }
            """);
        var block = file.Body.Blocks[0];
        block.Type.ShouldBe("resource");
        block.Labels.ShouldBe(["aws_ecs_service", "api"]);
        block.Range.Start.Line.ShouldBe(2);
        block.Range.End.Line.ShouldBe(10);
        var name = block.Body.Attribute("name").ShouldNotBeNull();
        name.Range.Start.Line.ShouldBe(3);
        name.Range.Start.Column.ShouldBe(3);
        block.Body.Blocks.Select(b => b.Type).ShouldBe(["network_configuration", "lifecycle"]);
        block.Body.Blocks[0].Body.Attribute("assign_public_ip").ShouldNotBeNull().Range.Start.Line.ShouldBe(5);
        file.Comments.Count.ShouldBe(3);
        file.Comments[1].Text.ShouldBe("// trailing");
        file.Body.Blocks[1].Body.Attribute("a").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("a || b && c", "(a || (b && c))")]
    [InlineData("a == b || c != d", "((a == b) || (c != d))")]
    [InlineData("1 < 2 == true", "((1 < 2) == true)")]
    [InlineData("-a * b", "(-a * b)")]
    [InlineData("!a && b", "(!a && b)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a ? b : c ? d : e", "(a ? b : (c ? d : e))")]
    [InlineData("a % 2 + 1 >= 3", "(((a % 2) + 1) >= 3)")]
    [InlineData("(1 + 2) * 3", "(((1 + 2)) * 3)")]
    public void Operators_bind_with_hcl_precedence(string text, string expected) => Show(Expr(text)).ShouldBe(expected);

    [Fact]
    public void Traversals_index_and_splats()
    {
        Show(Expr("aws_instance.web[0].id")).ShouldBe("aws_instance.web[0].id");
        Show(Expr("var.list.0")).ShouldBe("var.list[0]");
        Show(Expr("aws_instance.web[*].id")).ShouldBe("aws_instance.web[*](*.id)");
        Show(Expr("var.things.*.name")).ShouldBe("var.things.*(*.name)");
        Show(Expr("local.m[\"k\"]")).ShouldBe("local.m[\"k\"]");
    }

    [Fact]
    public void Calls_tuples_objects_and_for_expressions()
    {
        Show(Expr("merge(local.a, { b = 1, \"c\" = 2 }, var.x...)")).ShouldBe("merge(local.a, {b = 1, \"c\" = 2}, var.x...)");
        Show(Expr("[1, \"two\", null, true,]")).ShouldBe("[1, \"two\", null, true]");
        Show(Expr("[for s in var.list : upper(s) if s != \"\"]")).ShouldBe("[for s in var.list : upper(s) if (s != \"\")]");
        Show(Expr("{for k, v in var.map : k => v...}")).ShouldBe("{for k, v in var.map : k => v...}");
        Show(Expr("provider::aws::arn_parse(x)")).ShouldBe("provider::aws::arn_parse(x)");
        var multiline = Expr("""
            {
              a = 1
              b = [
                1,
                2
              ]
              (var.k) = "v"
            }
            """);
        Show(multiline).ShouldBe("{a = 1, b = [1, 2], (var.k) = \"v\"}");
    }

    [Fact]
    public void Templates_with_interpolation_directives_and_escapes()
    {
        var t = Expr("\"a-${var.b}-\\n\\\"q\\\" $${literal} %%{lit}\"").ShouldBeOfType<HclTemplate>();
        t.Parts.Count.ShouldBe(3);
        t.Parts[0].ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("a-");
        t.Parts[2].ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("-\n\"q\" ${literal} %{lit}");
        var d = Expr("\"%{ if var.on }yes%{ else }no%{ endif } %{~ for k, v in var.m ~} ${k}=${v} %{ endfor }\"").ShouldBeOfType<HclTemplate>();
        var iff = d.Parts[0].ShouldBeOfType<TemplateIf>();
        iff.Then.ShouldHaveSingleItem().ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("yes");
        iff.Else.ShouldHaveSingleItem().ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("no");
        var loop = d.Parts.OfType<TemplateFor>().ShouldHaveSingleItem();
        loop.KeyVar.ShouldBe("k");
        loop.ValueVar.ShouldBe("v");
        loop.Body[0].ShouldBeOfType<TemplateInterpolation>();
        Expr("\"\\u00e9\"").ShouldBeOfType<HclTemplate>().Parts[0].ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("é");
    }

    [Fact]
    public void Heredocs_plain_and_indented()
    {
        var file = Parse("""
            locals {
              plain = <<EOT
            line ${var.x}
              kept
            EOT
              flush = <<-JSON
                [
                  {"name": "api"}
                ]
                JSON
              after = 1
            }
            """);
        var locals = file.Body.Blocks[0].Body;
        var plain = locals.Attribute("plain").ShouldNotBeNull().Value.ShouldBeOfType<HclTemplate>();
        plain.Heredoc.ShouldBeTrue();
        plain.Parts[0].ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("line ");
        plain.Parts[2].ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("\n  kept\n");
        var flush = locals.Attribute("flush").ShouldNotBeNull().Value.ShouldBeOfType<HclTemplate>();
        flush.Parts.ShouldHaveSingleItem().ShouldBeOfType<TemplateLiteral>().Text.ShouldBe("[\n  {\"name\": \"api\"}\n]\n");
        flush.ContentStart.Line.ShouldBe(7);
        locals.Attribute("after").ShouldNotBeNull().Range.Start.Line.ShouldBe(11);
    }

    [Theory]
    [InlineData("a = \n", 1)]
    [InlineData("resource \"x\" {\n  a = 1\n", 3)]
    [InlineData("a = \"unterminated\nb = 2\n", 1)]
    [InlineData("a = [1, 2\nb = 3\n", 2)]
    [InlineData("x { a = ${ }\n", 1)]
    [InlineData("a = <<EOT\nnever closed\n", 1)]
    [InlineData("}\na = 1\n", 1)]
    public void Malformed_input_gives_positioned_diagnostics_and_recovers(string text, int line)
    {
        var file = HclParser.Parse("bad.tf", text);
        file.Diagnostics.ShouldNotBeEmpty();
        file.Diagnostics[0].Range.Start.Line.ShouldBe(line);
        file.Diagnostics[0].Range.File.ShouldBe("bad.tf");
    }

    [Fact]
    public void Recovery_keeps_the_items_after_an_error()
    {
        var file = HclParser.Parse("bad.tf", "a = = 1\nb = 2\nresource \"r\" \"n\" {\n  c = (\n}\nd = 4\n");
        file.Diagnostics.ShouldNotBeEmpty();
        file.Body.Attribute("b").ShouldNotBeNull();
        file.Body.Attribute("d").ShouldNotBeNull();
    }

    /// <summary>A compact rendering of the tree, to assert structure and precedence.</summary>
    internal static string Show(HclExpr e) => e switch
    {
        HclLiteral { Value: null } => "null",
        HclLiteral { Value: bool b } => b ? "true" : "false",
        HclLiteral l => Convert.ToString(l.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        HclTemplate t => "\"" + string.Concat(t.Parts.Select(p => p is TemplateLiteral lit ? lit.Text : "${…}")) + "\"",
        HclVariable v => v.Name,
        HclKeyword k => k.Name,
        HclGetAttr g => Show(g.Source) + "." + g.Name,
        HclIndex i => Show(i.Source) + "[" + Show(i.Key) + "]",
        HclSplat s => Show(s.Source) + (s.Full ? "[*]" : ".*") + "(" + Show(s.Each) + ")",
        HclSplatItem => "*",
        HclCall c => c.Name + "(" + string.Join(", ", c.Args.Select(Show)) + (c.ExpandFinal ? "..." : "") + ")",
        HclConditional c => "(" + Show(c.Condition) + " ? " + Show(c.True) + " : " + Show(c.False) + ")",
        HclUnary u => u.Op + Show(u.Operand),
        HclBinary b => "(" + Show(b.Left) + " " + b.Op + " " + Show(b.Right) + ")",
        HclTuple t => "[" + string.Join(", ", t.Items.Select(Show)) + "]",
        HclObjectCons o => "{" + string.Join(", ", o.Items.Select(i => Show(i.Key) + " = " + Show(i.Value))) + "}",
        HclFor f => (f.KeyExpr is null ? "[" : "{") + "for " + (f.KeyVar is null ? "" : f.KeyVar + ", ") + f.ValueVar + " in " + Show(f.Collection) + " : "
            + (f.KeyExpr is null ? "" : Show(f.KeyExpr) + " => ") + Show(f.ValueExpr) + (f.Grouping ? "..." : "")
            + (f.Condition is null ? "" : " if " + Show(f.Condition)) + (f.KeyExpr is null ? "]" : "}"),
        HclParens p => "(" + Show(p.Inner) + ")",
        _ => "<error>",
    };
}
