using Berth.Tests.Cli;

namespace Berth.Tests.Generation;

/// <summary>What `berth generate` writes passes `berth lint` at its default threshold: no finding of high severity or more.</summary>
public sealed class GeneratedOutputLintTests
{
    [Theory]
    [InlineData("ecs", "startup")]
    [InlineData("ecs", "platform")]
    [InlineData("ecs", "multi-client")]
    [InlineData("eks", "startup")]
    [InlineData("eks", "platform")]
    [InlineData("eks", "multi-client")]
    public void Generated_platforms_have_no_findings_at_the_default_severity(string platform, string example)
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "out");

        var generate = CliRunner.InRepo("generate", platform, ExampleSpecs.RelativePath(example), "-o", output);
        var lint = CliRunner.Run(dir.Path, "lint", output);

        generate.ExitCode.ShouldBe(0, generate.Error);
        lint.ExitCode.ShouldBe(0, lint.Out + lint.Error);
        lint.Out.ShouldContain("0 finding(s) at or above high");
    }
}
