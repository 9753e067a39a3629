using Berth.Generation.Hcl;
using static Berth.Generation.Hcl.HclValue;

namespace Berth.Tests.Generation;

public sealed class HclWriterTests
{
    [Fact]
    public void Consecutive_single_line_attributes_align_and_a_multi_line_value_ends_the_run()
    {
        var body = new HclBody().Block("resource", "a", "b", r => r
            .Set("name", "x")
            .Set("description", "y")
            .Set("map", HclObject.Of(("k", Str("v")), ("longer", Num(1))))
            .Set("z", true)
            .Block("lifecycle", l => l.Expr("ignore_changes", "[desired_count]")));

        HclWriter.Write(body).ShouldBe("""
            resource "a" "b" {
              name        = "x"
              description = "y"
              map = {
                k      = "v"
                longer = 1
              }
              z = true

              lifecycle {
                ignore_changes = [desired_count]
              }
            }

            """.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_with_a_multi_line_argument_opens_and_closes_on_the_attribute_lines()
    {
        var body = new HclBody().Set("x", Call("jsonencode", List(HclObject.Of(("name", Str("a")), ("enable-metadata", Str("true"))))));
        HclWriter.Write(body).ShouldBe("x = jsonencode([\n  {\n    name              = \"a\"\n    \"enable-metadata\" = \"true\"\n  },\n])\n");
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a \"q\" \\ b", "\"a \\\"q\\\" \\\\ b\"")]
    [InlineData("${not.a.ref} %{if}", "\"$${not.a.ref} %%{if}\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Strings_are_literal(string value, string quoted) =>
        new HclString(value).Quoted().ShouldBe(quoted);

    [Fact]
    public void Long_lists_break_one_item_a_line_with_trailing_commas()
    {
        var items = Enumerable.Range(0, 12).Select(i => $"subnet-{i:D10}").ToArray();
        var text = HclWriter.Write(new HclBody().Set("ids", Strings(items)));
        text.ShouldStartWith("ids = [\n  \"subnet-0000000000\",\n");
        text.ShouldEndWith("  \"subnet-0000000011\",\n]\n");
    }
}
