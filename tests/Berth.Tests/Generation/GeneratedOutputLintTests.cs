using Berth.Tests.Cli;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Generation;

/// <summary>
/// What `berth generate` writes lints clean at every severity: no active finding at low or above. The findings that are
/// berth.yaml's or the image's to settle carry an in-source suppression with its reason (listed in docs/generate.md),
/// and stay visible as suppressed.
/// </summary>
public sealed class GeneratedOutputLintTests
{
    // The EKS release calendar moves: the lint judges the generated version on a fixed day (Kubernetes 1.35 is in
    // standard support until 2027-03-27).
    private const string Today = "2026-11-30";

    private static CliResult GenerateAndLint(string platform, string specPath, TempDir dir)
    {
        var output = Path.Combine(dir.Path, "out");
        var generate = CliRunner.Run(RepoPaths.Root, "generate", platform, specPath, "-o", output);
        generate.ExitCode.ShouldBe(0, generate.Error);
        return CliRunner.Run(dir.Path, "lint", output, "--min-severity", "low", "--fail-on", "low", "--today", Today);
    }

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var platform in new[] { "ecs", "eks" })
        {
            foreach (var example in ExampleSpecs.Names)
            {
                data.Add(platform, example);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Generated_platforms_have_no_findings_at_any_severity(string platform, string example)
    {
        using var dir = new TempDir();
        var lint = GenerateAndLint(platform, ExampleSpecs.RelativePath(example), dir);

        lint.ExitCode.ShouldBe(0, lint.Out + lint.Error);
        lint.Out.ShouldContain("0 finding(s) at or above low, 0 below");
    }

    [Property(MaxTest = 12)]
    public Property Generated_platforms_of_random_specs_lint_clean_at_low()
    {
        var gen = Gen.Choose(0, 1_000_000).SelectMany(seed => Gen.Elements("ecs", "eks").Select(platform => (seed, platform)));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            using var dir = new TempDir();
            var spec = dir.File("berth.yaml", RandomSpecs.Yaml(g.seed, gpus: g.platform == "eks"));
            var lint = GenerateAndLint(g.platform, spec, dir);
            lint.ExitCode.ShouldBe(0, $"seed {g.seed}, {g.platform}: " + lint.Out + lint.Error);
        });
    }
}
