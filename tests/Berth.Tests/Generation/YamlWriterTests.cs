using Berth.Generation.Yaml;

namespace Berth.Tests.Generation;

public sealed class YamlWriterTests
{
    [Fact]
    public void Strings_that_would_read_as_something_else_are_quoted()
    {
        var doc = new YamlMap
        {
            ["plain"] = "500m",
            ["bool"] = "true",
            ["number"] = "8080",
            ["colon"] = "https://x",
            ["empty"] = "",
            ["percent"] = "10%",
            ["yes"] = "yes",
            ["real"] = 3,
            ["skipped"] = null,
        };
        YamlWriter.Write(doc).ShouldBe("plain: 500m\nbool: \"true\"\nnumber: \"8080\"\ncolon: \"https://x\"\nempty: \"\"\npercent: \"10%\"\n\"yes\": \"yes\"\nreal: 3\n");
    }

    [Fact]
    public void Lists_of_maps_start_on_the_dash_line()
    {
        var doc = new YamlMap { ["items"] = new[] { new YamlMap { ["a"] = 1, ["b"] = new YamlMap { ["c"] = "d" } } }, ["none"] = Array.Empty<string>() };
        YamlWriter.Write(doc).ShouldBe("items:\n  - a: 1\n    b:\n      c: d\nnone: []\n");
    }
}
