using Berth.Cli;
using Berth.Spec;

namespace Berth.Tests.Cli;

public sealed class InitCommandTests
{
    [Theory]
    [InlineData("startup")]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void Init_writes_a_valid_commented_spec_and_the_schema_beside_it(string template)
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "init", "--template", template, "-o", "berth.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        var written = File.ReadAllText(Path.Combine(dir.Path, "berth.yaml"));
        written.ShouldStartWith("# yaml-language-server: $schema=./berth.schema.json\n");
        written.ShouldContain("\n# ");
        File.ReadAllText(Path.Combine(dir.Path, "berth.schema.json")).ShouldBe(SpecSchema.ToJsonText());
        SpecLoader.LoadFile(Path.Combine(dir.Path, "berth.yaml")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Init_refuses_to_overwrite_an_existing_file()
    {
        using var dir = new TempDir();
        var path = dir.File("berth.yaml", "# my edits\n");

        var result = CliRunner.Run(dir.Path, "init", "-o", "berth.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("already exists");
        result.Error.ShouldContain("--force");
        File.ReadAllText(path).ShouldBe("# my edits\n");
    }

    [Fact]
    public void Init_with_force_replaces_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("berth.yaml", "# my edits\n");

        var result = CliRunner.Run(dir.Path, "init", "-o", "berth.yaml", "--force", "--template", "platform");

        result.ExitCode.ShouldBe(0, result.Error);
        File.ReadAllText(path).ShouldBe(Templates.Render("platform"));
        Directory.GetFiles(dir.Path, "*.berth-tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Init_leaves_a_users_schema_file_alone()
    {
        using var dir = new TempDir();
        var schema = dir.File("berth.schema.json", "{}");

        var result = CliRunner.Run(dir.Path, "init");

        result.ExitCode.ShouldBe(0, result.Error);
        File.ReadAllText(schema).ShouldBe("{}");
        result.Out.ShouldContain("berth schema > berth.schema.json");
    }

    [Fact]
    public void An_unknown_template_is_a_usage_error_with_a_suggestion()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "init", "--template", "startpu");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("did you mean 'startup'?");
        File.Exists(Path.Combine(dir.Path, "berth.yaml")).ShouldBeFalse();
    }
}
