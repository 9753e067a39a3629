using Berth.Linting.Hcl;

namespace Berth.Tests.Linting.Hcl;

public sealed class HclEvaluatorTests
{
    private static string Eval(string text, HclScope? scope = null)
    {
        var (expr, diagnostics) = HclParser.ParseExpression("x.tf", text);
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        var value = HclEvaluator.Evaluate(expr, scope ?? HclScope.Empty);
        return value switch
        {
            Unknown => "(unknown)",
            EvalError => "(error)",
            _ => JsonValues.Encode(value),
        };
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("\"a\" == \"a\" && !false", "true")]
    [InlineData("true ? \"yes\" : \"no\"", "\"yes\"")]
    [InlineData("\"x-${1 + 1}-${true}\"", "\"x-2-true\"")]
    [InlineData("\"${[1]}\"", "[1]")]
    [InlineData("\"x${[1]}\"", "(error)")]
    [InlineData("[for i, v in [\"a\", \"b\"] : \"${i}${v}\"]", "[\"0a\",\"1b\"]")]
    [InlineData("{for v in [\"a\", \"b\", \"a\"] : v => 1...}", "{\"a\":[1,1],\"b\":[1]}")]
    [InlineData("[for v in [1, 2, 3] : v * 10 if v != 2]", "[10,30]")]
    [InlineData("[{ a = 1 }, { a = 2 }][*].a", "[1,2]")]
    [InlineData("{ a = { b = 3 } }.a.b", "3")]
    [InlineData("{ a = 1 }.missing", "(error)")]
    [InlineData("\"%{ for x in [1, 2] }${x},%{ endfor }%{ if false }no%{ else }end%{ endif }\"", "\"1,2,end\"")]
    [InlineData("jsonencode({ b = [1, \"<x>\"], a = null })", "\"{\\\"a\\\":null,\\\"b\\\":[1,\\\"\\\\u003cx\\\\u003e\\\"]}\"")]
    [InlineData("jsondecode(\"{\\\"k\\\": [true, 1.5]}\").k", "[true,1.5]")]
    [InlineData("merge({ a = 1, b = 1 }, { b = 2 })", "{\"a\":1,\"b\":2}")]
    [InlineData("concat([1], [2, 3])", "[1,2,3]")]
    [InlineData("lookup({ a = 1 }, \"b\", 9)", "9")]
    [InlineData("try({ a = 1 }.b, \"fallback\")", "\"fallback\"")]
    [InlineData("can({ a = 1 }.b)", "false")]
    [InlineData("coalesce(\"\", null, \"x\")", "\"x\"")]
    [InlineData("format(\"%s-%d-%q\", \"a\", 3, \"b\")", "\"a-3-\\\"b\\\"\"")]
    [InlineData("join(\",\", [\"a\", \"b\"])", "\"a,b\"")]
    [InlineData("tostring(5)", "\"5\"")]
    [InlineData("tonumber(\"2048\")", "2048")]
    [InlineData("length(tolist([1, 2]))", "2")]
    [InlineData("length(tomap({ a = 1 }))", "1")]
    [InlineData("element([\"a\", \"b\"], 3)", "\"b\"")]
    [InlineData("upper(\"x\")", "\"X\"")]
    [InlineData("max(1, 5, 3)", "5")]
    [InlineData("split(\"/\", \"a/b\")[1]", "\"b\"")]
    [InlineData("some_unsupported_function(1)", "(unknown)")]
    [InlineData("aws_iam_role.x.arn", "(unknown)")]
    [InlineData("\"arn:${aws_iam_role.x.arn}\"", "(unknown)")]
    [InlineData("merge({ a = 1 }, data.x.y)", "(unknown)")]
    [InlineData("1 / 0", "(error)")]
    public void Expressions_evaluate_like_terraform(string text, string expected) => Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("cidrsubnet(\"10.0.0.0/16\", 8, 2)", "\"10.0.2.0/24\"")]
    [InlineData("cidrsubnet(\"10.0.0.0/16\", 4, 15)", "\"10.0.240.0/20\"")]
    [InlineData("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)", "\"fd00:fd12:3456:7800:a200::/72\"")]
    [InlineData("cidrsubnet(\"10.0.0.0/16\", 8, 256)", "(error)")]
    [InlineData("cidrhost(\"10.12.112.0/20\", 16)", "\"10.12.112.16\"")]
    [InlineData("cidrhost(\"10.12.112.0/20\", -2)", "\"10.12.127.254\"")]
    [InlineData("cidrnetmask(\"172.16.0.0/12\")", "\"255.240.0.0\"")]
    [InlineData("[for i in range(3) : cidrsubnet(\"10.0.0.0/16\", 4, i)]", "[\"10.0.0.0/20\",\"10.0.16.0/20\",\"10.0.32.0/20\"]")]
    [InlineData("base64decode(base64encode(\"kubeconfig\"))", "\"kubeconfig\"")]
    [InlineData("base64encode(\"Hello World\")", "\"SGVsbG8gV29ybGQ=\"")]
    [InlineData("slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)", "[\"b\",\"c\"]")]
    [InlineData("slice([\"a\"], 1, 3)", "(error)")]
    [InlineData("basename(\"foo/bar/baz.txt\")", "\"baz.txt\"")]
    [InlineData("dirname(\"foo/bar/baz.txt\")", "\"foo/bar\"")]
    [InlineData("nonsensitive(sensitive(\"x\"))", "\"x\"")]
    [InlineData("one([])", "null")]
    [InlineData("one([\"a\"])", "\"a\"")]
    [InlineData("one([\"a\", \"b\"])", "(error)")]
    [InlineData("yamlencode({ a = \"b\", c = [1, { d = true }] })", "\"\\\"a\\\": \\\"b\\\"\\n\\\"c\\\":\\n- 1\\n- \\\"d\\\": true\\n\"")]
    [InlineData("range(1, 4)", "[1,2,3]")]
    [InlineData("range(3, 0, -1)", "[3,2,1]")]
    [InlineData("sort([\"b\", \"a\", \"c\"])", "[\"a\",\"b\",\"c\"]")]
    [InlineData("zipmap([\"a\", \"b\"], [1, 2])", "{\"a\":1,\"b\":2}")]
    [InlineData("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")", "\"aaabbbccc\"")]
    [InlineData("regex(\"^(?P<major>\\\\d+)\\\\.(?P<minor>\\\\d+)$\", \"1.33\").minor", "\"33\"")]
    [InlineData("regexall(\"[a-z]+\", \"1234abcd5678efgh9\")", "[\"abcd\",\"efgh\"]")]
    [InlineData("trimprefix(\"helloworld\", \"hello\")", "\"world\"")]
    [InlineData("trimsuffix(\"helloworld\", \"world\")", "\"hello\"")]
    [InlineData("formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])", "[\"Hello, Valentina!\",\"Hello, Ander!\"]")]
    [InlineData("anytrue([false, true])", "true")]
    [InlineData("alltrue([true, false])", "false")]
    [InlineData("setunion([\"a\"], [\"b\", \"a\"])", "[\"a\",\"b\"]")]
    [InlineData("index([\"a\", \"b\"], \"b\")", "1")]
    [InlineData("sum([1, 2.5])", "3.5")]
    [InlineData("reverse([1, 2])", "[2,1]")]
    [InlineData("chunklist([1, 2, 3], 2)", "[[1,2],[3]]")]
    [InlineData("title(\"hello world\")", "\"Hello World\"")]
    [InlineData("parseint(\"FF\", 16)", "255")]
    public void Terraform_functions_used_by_platform_code_evaluate(string text, string expected) => Eval(text).ShouldBe(expected);

    [Fact]
    public void A_map_enumerates_in_ordinal_key_order_and_keeps_a_key_range_when_set_again()
    {
        var at = Berth.Linting.SourceRange.At("main.tf", 3, 5);
        var map = new HclDictionary();
        map.Set("b", 1m);
        map.Set("a", 2m, at);
        map.Set("B", 3m);
        map.Keys.ShouldBe(["B", "a", "b"]);
        map.Set("a", 4m);
        map.Set("_", 5m);
        map.Select(kv => kv.Key + "=" + kv.Value).ShouldBe(["B=3", "_=5", "a=4", "b=1"]);
        map.KeyRange("a").ShouldBe(at);
        map.KeyRange("b").ShouldBeNull();
        map.TryGetValue("c", out var missing).ShouldBeFalse();
        missing.ShouldBeNull();
        Eval("keys({ zeta = 1, alpha = 2, Beta = 3 })").ShouldBe("[\"Beta\",\"alpha\",\"zeta\"]");
    }

    [Fact]
    public void Nested_splats_give_a_list_per_element()
    {
        Eval("[{ groups = [{ name = \"a\" }, { name = \"b\" }] }, { groups = [{ name = \"c\" }] }][*].groups[*].name").ShouldBe("[[\"a\",\"b\"],[\"c\"]]");
        Eval("flatten([{ g = [{ n = 1 }] }][*].g[*].n)").ShouldBe("[1]");
    }

    [Fact]
    public void Unknowns_propagate_and_are_never_guessed()
    {
        var scope = HclScope.Empty.With("u", Unknown.Value);
        Eval("u ? 1 : 2", scope).ShouldBe("(unknown)");
        Eval("u + 1", scope).ShouldBe("(unknown)");
        Eval("[for x in u : x]", scope).ShouldBe("(unknown)");
        Eval("length(u)", scope).ShouldBe("(unknown)");
        Eval("jsonencode([u])", scope).ShouldBe("(unknown)");
        Eval("try(u, 1)", scope).ShouldBe("(unknown)");
    }

    [Fact]
    public void Json_keeps_the_lines_of_objects_and_keys()
    {
        var value = JsonValues.Parse("[\n  {\n    \"name\": \"a\"\n  }\n]", "c.json", firstLine: 10).ShouldBeAssignableTo<IReadOnlyList<object?>>();
        var container = value.ShouldNotBeNull()[0].ShouldBeOfType<HclDictionary>();
        container.Range.ShouldNotBeNull().Line.ShouldBe(11);
        container.KeyRange("name").ShouldNotBeNull().Line.ShouldBe(12);
        JsonValues.Parse("[1,", "c.json").ShouldBe(EvalError.Value);
        JsonValues.Parse(new string('[', 10_000), "c.json").ShouldBe(EvalError.Value);
    }
}
