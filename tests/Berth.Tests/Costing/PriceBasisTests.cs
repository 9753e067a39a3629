using System.Text.Json;
using Berth.Catalog;
using Berth.Costing;
using Berth.Tests.Support;

namespace Berth.Tests.Costing;

/// <summary>Every priced line says what its price rests on — catalog row, estimate (and from what), override — and its date.</summary>
public sealed class PriceBasisTests
{
    private static JsonElement[] Lines(string region, string extra = "")
    {
        var spec = Specs.Parse($"version: 1\nname: test\nregion: {region}\nservices:\n  - {{ name: api, cpu: 1, memory: 2Gi, replicas: 3, spot: true }}\n{extra}");
        var json = JsonDocument.Parse(CostFormats.ToJson(CostEngine.Estimate(spec, PriceCatalog.Embedded, infraOnly: true))).RootElement;
        return [.. json.GetProperty("options").EnumerateArray().SelectMany(o => o.GetProperty("lineItems").EnumerateArray())];
    }

    [Fact]
    public void In_the_reference_region_the_ec2_and_fargate_lines_are_catalog_rows_with_their_dates()
    {
        var lines = Lines("us-east-1");
        var karpenter = lines.First(l => l.GetProperty("description").GetString()!.StartsWith("system node group", StringComparison.Ordinal));
        karpenter.GetProperty("basis").GetString().ShouldBe("catalog row");
        karpenter.GetProperty("asOf").GetString()!.ShouldMatch(@"^\d{4}");
        var fargate = lines.First(l => l.GetProperty("description").GetString()!.Contains("on FARGATE", StringComparison.Ordinal));
        fargate.GetProperty("basis").GetString().ShouldBe("catalog row");
        fargate.GetProperty("estimated").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Outside_it_an_estimate_names_the_price_and_the_ratio_it_was_derived_from_and_the_oldest_date()
    {
        var lines = Lines("eu-west-1");
        var groups = lines.First(l => l.GetProperty("description").GetString()!.StartsWith("system node group", StringComparison.Ordinal));
        groups.GetProperty("basis").GetString().ShouldBe("estimate");
        var source = groups.GetProperty("source").GetString()!;
        source.ShouldStartWith("estimate: us-east-1's price (");
        source.ShouldContain("eu-west-1's observed price ratio");

        // The ratio was observed from 2020 prices: the estimate is as old as its oldest input, not the us-east-1 row's date.
        groups.GetProperty("asOf").GetString().ShouldStartWith("2020");
    }

    [Fact]
    public void An_override_says_so()
    {
        var lines = Lines("us-east-1", "pricing:\n  overrides:\n    fargate:\n      vcpuHour: 0.05\n");
        lines.Where(l => l.TryGetProperty("basis", out var b) && b.GetString() == "override").ShouldNotBeEmpty();
    }

    [Fact]
    public void The_report_of_a_region_without_current_rows_says_its_prices_are_estimates_and_from_when()
    {
        var spec = Specs.Parse("version: 1\nname: test\nregion: eu-west-1\nservices:\n  - { name: api, cpu: 1, memory: 2Gi, replicas: 3 }\n");
        var report = CostEngine.Estimate(spec, PriceCatalog.Embedded);
        report.PriceNotes.ShouldContain(n => n.Contains("us-east-1's ×", StringComparison.Ordinal) && n.Contains("2020", StringComparison.Ordinal));
        CostSummary.Footnote(report).ShouldContain("us-east-1's ×");

        var home = CostEngine.Estimate(Specs.With("  - { name: api, cpu: 1, memory: 2Gi, replicas: 3 }"), PriceCatalog.Embedded);
        home.PriceNotes.ShouldBeEmpty();
    }
}
