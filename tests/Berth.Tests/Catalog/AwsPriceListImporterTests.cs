using Berth.Catalog;
using Berth.Spec;
using Berth.Tests.Cli;

namespace Berth.Tests.Catalog;

public sealed class AwsPriceListImporterTests
{
    public static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Catalog", "Fixtures");

    [Fact]
    public void Ec2_and_fargate_prices_from_aws_price_list_files_become_current()
    {
        var result = AwsPriceListImporter.Import(PriceCatalog.Embedded.Data, Path.Combine(Fixtures, "offers"));
        var catalog = new PriceCatalog(result.Catalog, "updated");

        result.Files.Count.ShouldBe(2);
        result.Ec2Prices.ShouldBe(2); // Windows, reservations and storage are not instance prices
        var m5 = catalog.OnDemand("eu-west-1", "m5.xlarge").ShouldNotBeNull();
        m5.UsdPerHour.ShouldBe(0.214m);
        m5.Estimated.ShouldBeFalse();
        m5.AsOf.ShouldBe("2026-11-01");
        catalog.OnDemand("eu-west-1", "m7g.large").ShouldNotBeNull().UsdPerHour.ShouldBe(0.0914m);
        var arm = catalog.Fargate("eu-west-1", CpuArch.Arm64);
        arm.Vcpu.UsdPerHour.ShouldBe(0.03238m);
        arm.Vcpu.Estimated.ShouldBeFalse();
        catalog.Fargate("eu-west-1", CpuArch.X64).SpotVcpu.UsdPerHour.ShouldBe(0.0125m);
        catalog.AsOf.ShouldBe("2026-11-01");
    }

    [Theory]
    [InlineData("truncated-ec2.json", "not valid JSON")]
    [InlineData("empty.json", "is empty")]
    public void A_broken_price_file_is_rejected(string file, string expected)
    {
        var e = Should.Throw<CatalogException>(() => AwsPriceListImporter.Import(PriceCatalog.Embedded.Data, Path.Combine(Fixtures, file)));

        e.Message.ShouldContain(file);
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void Diff_lists_what_an_import_changed()
    {
        var before = PriceCatalog.Embedded.Data;
        var after = AwsPriceListImporter.Import(before, Path.Combine(Fixtures, "offers")).Catalog;

        var changes = CatalogDiff.Compare(before, after);

        changes.ShouldContain(c => c.What == "ec2" && c.Region == "eu-west-1" && c.Item == "m7g.large" && c.Kind == "added");
        changes.ShouldContain(c => c.What == "fargate vCPU-hour" && c.Item == "arm64" && c.Kind == "added");
        changes.ShouldNotContain(c => c.Item == "m5.xlarge"); // 0.214 in both
    }
}
