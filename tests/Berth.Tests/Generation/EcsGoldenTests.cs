using Berth.Catalog;
using Berth.Generation.Ecs;
using Berth.Tests.Cli;

namespace Berth.Tests.Generation;

/// <summary>The generated files of each example, checked in under Generation/Golden/ecs/ for review.</summary>
public sealed class EcsGoldenTests
{
    public static TheoryData<string> Examples => new(ExampleSpecs.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Generated_files_match_the_approved_ones(string example)
    {
        GoldenFolder.Verify("ecs", example, EcsGenerator.Generate(Load(example), PriceCatalog.Embedded));
    }

    [Fact]
    public void Output_is_deterministic_and_plain()
    {
        var spec = Load("platform");
        var a = EcsGenerator.Generate(spec, PriceCatalog.Embedded);
        var b = EcsGenerator.Generate(spec, PriceCatalog.Embedded);
        a.Select(f => f.Content).ShouldBe(b.Select(f => f.Content));
        a.Select(f => f.Path).ShouldBe(a.Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var f in a)
        {
            f.Content.ShouldNotContain("\r");
            f.Content.ShouldEndWith("\n");
            f.Content.ShouldNotContain("\t");
        }
    }

    internal static Berth.Spec.BerthSpec Load(string example)
    {
        var relative = ExampleSpecs.RelativePath(example);
        var result = Berth.Spec.SpecLoader.LoadFile(Path.Combine(RepoPaths.Root, relative));
        result.Errors.ShouldBeEmpty();
        return result.Spec.ShouldNotBeNull() with { SourcePath = relative };
    }
}
