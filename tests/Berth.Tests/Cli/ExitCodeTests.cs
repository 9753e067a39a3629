namespace Berth.Tests.Cli;

public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    [InlineData("validate", "examples/startup.yaml", "--no-such-option")]
    public void Usage_errors_exit_2_without_a_stack_trace(params string[] args)
    {
        var result = CliRunner.InRepo(args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("berth: error: ");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_missing_file_names_itself()
    {
        var result = CliRunner.InRepo("validate", "examples/nope.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("examples/nope.yaml: error: file not found\n");
    }

    [Fact]
    public void A_directory_is_not_a_spec()
    {
        var result = CliRunner.InRepo("validate", "examples");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("examples: error: is a directory");
    }

    [Fact]
    public void Every_error_of_a_spec_is_reported_with_its_position()
    {
        using var dir = new TempDir();
        dir.File("bad.yaml", "version: 1\nname: demo\nregoin: eu-west-1\nservices:\n  - name: api\n    cpu: 2Gb\n");

        var result = CliRunner.Run(dir.Path, "validate", "bad.yaml");

        result.ExitCode.ShouldBe(2);
        var lines = result.Error.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("bad.yaml:3:1: error: ");
        lines[0].ShouldContain("did you mean 'region'?");
        lines[1].ShouldStartWith("bad.yaml:6:10: error: ");
        result.Out.ShouldBeEmpty();
    }
}
