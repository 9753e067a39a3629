using Berth.Generation.Eks;

namespace Berth.Tests.Generation;

public sealed class EksGoldenTests
{
    public static TheoryData<string> Examples => new(ExampleSpecs.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Generated_files_match_the_approved_ones(string example) =>
        GoldenFolder.Verify("eks", example, EksGenerator.Generate(EcsGoldenTests.Load(example)));

    [Fact]
    public void Output_is_deterministic()
    {
        var spec = EcsGoldenTests.Load("platform");
        EksGenerator.Generate(spec).Select(f => f.Content).ShouldBe(EksGenerator.Generate(spec).Select(f => f.Content));
    }
}
