using Berth.Spec;

namespace Berth.Tests.Support;

/// <summary>Specs for tests, written as YAML and loaded the way users' files are.</summary>
public static class Specs
{
    public static BerthSpec Parse(string yaml)
    {
        var result = SpecLoader.Parse(yaml, "test.yaml");
        result.Errors.ShouldBeEmpty();
        return result.Spec.ShouldNotBeNull();
    }

    /// <summary>A minimal spec with the given services block (indented list items) and extra top-level YAML.</summary>
    public static BerthSpec With(string services, string extra = "") =>
        Parse($"version: 1\nname: test\nregion: us-east-1\nservices:\n{services}\n{extra}");
}
