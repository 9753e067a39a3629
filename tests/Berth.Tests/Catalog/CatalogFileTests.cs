using Berth.Catalog;
using Berth.Tests.Cli;
using Berth.Tests.Support;

namespace Berth.Tests.Catalog;

public sealed class CatalogFileTests
{
    private static string CommittedPath => Path.Combine(RepoPaths.Root, "src", "Berth", "Catalog", "Data", "catalog.json");

    [Fact]
    public void Reading_and_writing_the_committed_catalog_gives_the_same_bytes()
    {
        var text = File.ReadAllText(CommittedPath);

        CatalogFile.Write(CatalogFile.Read(text, "catalog.json")).ShouldBe(text);
    }

    [SkippableFact]
    public void The_committed_catalog_is_what_the_shared_facts_build()
    {
        var folder = SharedFacts.Require();

        var rebuilt = CatalogFile.Write(SharedFactsImporter.Build(folder));

        rebuilt.ShouldBe(File.ReadAllText(CommittedPath), "catalog.json drifted from shared/data/aws: run `berth catalog build --force`");
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"berthCatalog\": 2}", "format 2 is not supported")]
    [InlineData("[1, 2]", "not a Berth catalog")]
    public void A_broken_catalog_file_is_rejected_with_its_name(string json, string expected)
    {
        var e = Should.Throw<CatalogException>(() => CatalogFile.Read(json, "mine.json"));

        e.Message.ShouldStartWith("mine.json");
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_catalog_with_a_nonsense_price_is_rejected()
    {
        var data = PriceCatalog.Embedded.Data;
        var broken = data with { Ec2 = [.. data.Ec2.Skip(1), data.Ec2[0] with { UsdPerHour = -1 }] };

        Should.Throw<CatalogException>(() => CatalogFile.Read(CatalogFile.Write(broken), "x.json")).Message.ShouldContain("expected more than 0");
    }
}
