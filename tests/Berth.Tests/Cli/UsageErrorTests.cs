namespace Berth.Tests.Cli;

/// <summary>Usage errors say what was wrong in words: the option and its range, not "Failed to convert … to Int32";
/// what '-' and '' mean here.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("simulate", "--days", "99999999999", "--days: '99999999999' is not a whole number; expected 1 to 366")]
    [InlineData("report", "--days", "1e3", "--days: '1e3' is not a whole number; expected 1 to 366")]
    [InlineData("pack", "--hour", "99999999999", "--hour: '99999999999' is not a whole number; expected 0 to 167")]
    [InlineData("simulate", "--seed", "-99999999999", "--seed: '-99999999999' is not a whole number from -2147483648 to 2147483647")]
    [InlineData("simulate", "--runs", "two", "--runs: 'two' is not a whole number; expected 1 to 100000")]
    [InlineData("simulate", "--runs", "99999999999", "--runs: '99999999999' is not a whole number; expected 1 to 100000")]
    [InlineData("report", "--runs", "99999999999", "--runs: '99999999999' is not a whole number; expected 1 to 200")]
    public void A_number_out_of_range_names_the_option_and_its_range(string command, string option, string value, string message)
    {
        var result = CliRunner.InRepo(command, "examples/startup.yaml", option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe($"berth: error: {message} (see 'berth --help')\n");
    }

    [Fact]
    public void The_form_option_equals_value_is_named_too()
    {
        var result = CliRunner.InRepo("simulate", "examples/startup.yaml", "--days=4294967296");

        result.Error.ShouldBe("berth: error: --days: '4294967296' is not a whole number; expected 1 to 366 (see 'berth --help')\n");
    }

    [Theory]
    [InlineData(new[] { "validate", "-" }, "berth: error: '-' is not a file name Berth understands: Berth reads and writes named files, not standard input or output; give a path (./- names a file called '-')")]
    [InlineData(new[] { "report", "examples/startup.yaml", "-o", "-" }, "berth: error: -o: '-' is not a file name Berth understands")]
    [InlineData(new[] { "validate", "" }, "berth: error: the value is empty (''); give a path or a value (see 'berth --help')")]
    [InlineData(new[] { "lint", " " }, "berth: error: the value is empty (' '); give a path or a value")]
    [InlineData(new[] { "init", "--output", "" }, "berth: error: --output: the value is empty ('')")]
    public void A_dash_or_an_empty_path_gets_a_sentence(string[] args, string message)
    {
        var result = CliRunner.InRepo(args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith(message);
    }
}
