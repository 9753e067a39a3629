using Berth.Cli;
using Berth.Spec;

namespace Berth.Tests.Cli;

public sealed class ExamplesTests
{
    public static TheoryData<string> ExampleNames() => new(Templates.Names);

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Every_example_validates(string name)
    {
        var result = CliRunner.InRepo("validate", $"examples/{name}.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldStartWith($"examples/{name}.yaml: valid");
        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Every_example_points_editors_at_the_schema(string name)
    {
        var first = File.ReadLines(Path.Combine(RepoPaths.Examples, name + ".yaml")).First();

        first.ShouldBe("# yaml-language-server: $schema=../docs/berth.schema.json");
    }

    [Fact]
    public void The_committed_schema_is_what_berth_schema_prints()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "berth.schema.json"));
        var printed = CliRunner.InRepo("schema");

        printed.ExitCode.ShouldBe(0);
        printed.Out.ShouldBe(committed, "docs/berth.schema.json drifted: regenerate it with `berth schema > docs/berth.schema.json`");
    }

    [Fact]
    public void The_examples_match_what_the_issue_asks_for()
    {
        var startup = Load("startup");
        startup.Services.Count.ShouldBe(5);
        startup.Team.Engineers.ShouldBe(3);
        startup.Team.KubernetesExpertise.ShouldBe(KubernetesExpertise.None);
        startup.Team.TimelineMonths.ShouldBe(2);

        var platform = Load("platform");
        platform.Services.Count.ShouldBe(33);
        platform.Team.OwningTeams.ShouldBe(4);
        platform.Requirements.Gitops.ShouldBeTrue();
        platform.Requirements.EventDrivenScaling.ShouldBeTrue();
        platform.Requirements.ServiceMesh.ShouldBeTrue();
        platform.Requirements.Operators.ShouldNotBeEmpty();

        var multi = Load("multi-client");
        multi.Clients.Count.ShouldBeGreaterThan(1);
        multi.Team.Engineers.ShouldBeLessThan(5);
    }

    private static BerthSpec Load(string name)
    {
        var result = SpecLoader.LoadFile(Path.Combine(RepoPaths.Examples, name + ".yaml"));
        result.Errors.ShouldBeEmpty();
        return result.Spec.ShouldNotBeNull();
    }
}
