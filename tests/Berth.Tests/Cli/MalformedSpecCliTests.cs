using System.Text.RegularExpressions;

namespace Berth.Tests.Cli;

/// <summary>Every malformed spec of the corpus, through the real CLI: exit 2, file:line:column, no stack trace.</summary>
public sealed partial class MalformedSpecCliTests
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Spec", "Malformed");

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Corpus, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_exits_2_with_the_position_and_no_stack_trace(string file)
    {
        var expected = ExpectLine().Match(File.ReadLines(Path.Combine(Corpus, file)).First());

        var result = CliRunner.Run(Corpus, "validate", file);

        result.ExitCode.ShouldBe(2, result.Error);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldStartWith($"{file}:{expected.Groups[1].Value}: error: ");
        result.Error.ShouldNotContain("   at ");
        result.Error.ShouldNotContain("Exception");
    }

    [Fact]
    public void The_corpus_is_large_enough() => Files().Count.ShouldBeGreaterThanOrEqualTo(30);

    [Fact]
    public void An_unknown_node_group_instance_type_is_reported_where_it_is_written()
    {
        using var dir = new TempDir();
        dir.File("b.yaml", "version: 1\nname: t\nservices:\n  - name: a\neks:\n  nodeGroups:\n    - { name: g, instanceType: m5.xlarg, count: 2 }\n");

        var result = CliRunner.Run(dir.Path, "cost", "b.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("b.yaml:7:32: error: eks.nodeGroups[0] (g).instanceType: unknown instance type 'm5.xlarg' (did you mean 'm5.xlarge'?)");
    }

    [GeneratedRegex(@"^# expect: (\d+:\d+) ")]
    private static partial Regex ExpectLine();
}
