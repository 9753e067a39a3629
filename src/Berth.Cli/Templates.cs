using System.Reflection;

namespace Berth.Cli;

/// <summary>The starter specs of <c>berth init</c>: the files in examples/, embedded at build time.</summary>
public static class Templates
{
    public const string SchemaFileName = "berth.schema.json";
    private const string SchemaComment = "# yaml-language-server: $schema=";

    public static IReadOnlyList<string> Names { get; } = ["startup", "platform", "multi-client"];

    /// <summary>The template as written by init: its schema comment points at a berth.schema.json beside it.</summary>
    public static string Render(string name)
    {
        var text = Raw(name);
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return SchemaComment + "./" + SchemaFileName + text[firstLineEnd..];
    }

    public static string Raw(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("templates/" + name + ".yaml")
            ?? throw new InvalidOperationException($"template '{name}' is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
