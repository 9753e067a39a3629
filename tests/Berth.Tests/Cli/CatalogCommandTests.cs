using Berth.Tests.Catalog;

namespace Berth.Tests.Cli;

public sealed class CatalogCommandTests
{
    [Fact]
    public void Update_then_diff_shows_the_changes_and_the_catalog_is_usable()
    {
        using var dir = new TempDir();

        var update = CliRunner.Run(dir.Path, "catalog", "update", "--from", Path.Combine(AwsPriceListImporterTests.Fixtures, "offers"));
        var diff = CliRunner.Run(dir.Path, "catalog", "diff");
        var show = CliRunner.Run(dir.Path, "catalog", "show", "--catalog", "berth-catalog.json", "--region", "eu-west-1", "--family", "m7g", "--format", "csv");

        update.ExitCode.ShouldBe(0, update.Error);
        update.Out.ShouldContain("2 EC2 and 2 Fargate prices read");
        diff.ExitCode.ShouldBe(0, diff.Error);
        diff.Out.ShouldContain("+ ec2 eu-west-1 m7g.large: 0.0914");
        show.Out.ShouldContain("eu-west-1,m7g.large,2,8192,arm64,0.0914,");
    }

    [Theory]
    [InlineData("truncated-ec2.json")]
    [InlineData("empty.json")]
    public void A_broken_price_file_exits_2_and_leaves_the_catalog_unchanged(string file)
    {
        using var dir = new TempDir();
        var first = CliRunner.Run(dir.Path, "catalog", "update", "--from", Path.Combine(AwsPriceListImporterTests.Fixtures, "offers"));
        first.ExitCode.ShouldBe(0, first.Error);
        var before = File.ReadAllBytes(Path.Combine(dir.Path, "berth-catalog.json"));

        var result = CliRunner.Run(dir.Path, "catalog", "update", "--from", Path.Combine(AwsPriceListImporterTests.Fixtures, file));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(file);
        result.Error.ShouldNotContain("   at ");
        File.ReadAllBytes(Path.Combine(dir.Path, "berth-catalog.json")).ShouldBe(before);
        Directory.GetFiles(dir.Path, "*.berth-tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Show_lists_prices_with_their_date_and_marks_estimates()
    {
        var result = CliRunner.InRepo("catalog", "show", "--region", "eu-west-1", "--family", "m5", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("\"catalogAsOf\": \"2026-07-20\"");
        result.Out.ShouldContain("\"estimated\": true");
    }

    [Fact]
    public void Show_rejects_an_unknown_family_with_a_suggestion()
    {
        var result = CliRunner.InRepo("catalog", "show", "--family", "m55");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("did you mean");
    }
}
