using System.Text.Json.Nodes;
using Berth.Catalog;
using Berth.Tests.Cli;

namespace Berth.Tests.Catalog;

/// <summary>
/// A price-list file of the wrong shape (a string where AWS's format has an object, a number where it has a string)
/// is bad input naming the JSON path of the first bad field, never an internal error.
/// </summary>
public sealed class PriceListShapeTests
{
    private const string Sku = "7W6DNQ55YG9FCPXZ";
    private const string Term = Sku + ".JRTCKXETXF";
    private const string Dimension = Term + ".6YS6EN2CT7";

    private static readonly string Ec2 = Path.Combine(AwsPriceListImporterTests.Fixtures, "offers", "AmazonEC2", "eu-west-1", "index.json");

    public static TheoryData<string, string> Variants => new()
    {
        { "terms", "$.terms: expected an object, found a string" },
        { "terms.OnDemand", "$.terms.OnDemand: expected an object, found a string" },
        { $"products.{Sku}", $"$.products[\"{Sku}\"]: expected an object, found a string" },
        { $"products.{Sku}.attributes", $"$.products[\"{Sku}\"].attributes: expected an object, found a string" },
        { $"products.{Sku}.productFamily=5", $"$.products[\"{Sku}\"].productFamily: expected a string, found a number" },
        { $"terms.OnDemand.{Sku}", $"$.terms.OnDemand[\"{Sku}\"]: expected an object, found a string" },
        { $"terms.OnDemand.{Sku}.{Term}", $"$.terms.OnDemand[\"{Sku}\"][\"{Term}\"]: expected an object, found a string" },
        { $"terms.OnDemand.{Sku}.{Term}.priceDimensions", $"$.terms.OnDemand[\"{Sku}\"][\"{Term}\"].priceDimensions: expected an object, found a string" },
        { $"terms.OnDemand.{Sku}.{Term}.priceDimensions.{Dimension}", $"$.terms.OnDemand[\"{Sku}\"][\"{Term}\"].priceDimensions[\"{Dimension}\"]: expected an object, found a string" },
        { $"terms.OnDemand.{Sku}.{Term}.priceDimensions.{Dimension}.pricePerUnit", $"$.terms.OnDemand[\"{Sku}\"][\"{Term}\"].priceDimensions[\"{Dimension}\"].pricePerUnit: expected an object, found a string" },
        { $"terms.OnDemand.{Sku}.{Term}.priceDimensions.{Dimension}.pricePerUnit.USD=5", $"$.terms.OnDemand[\"{Sku}\"][\"{Term}\"].priceDimensions[\"{Dimension}\"].pricePerUnit.USD: expected a string, found a number" },
        { "offerCode=5", "$.offerCode: expected a string, found a number" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_field_of_the_wrong_shape_is_named_by_its_json_path(string change, string expected)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "index.json");
        File.WriteAllText(file, Mutate(File.ReadAllText(Ec2), change));

        var e = Should.Throw<CatalogException>(() => AwsPriceListImporter.Import(PriceCatalog.Embedded.Data, file));

        e.Message.ShouldBe($"{file}: {expected}; expected AWS's price-list format");
    }

    [Fact]
    public void The_command_exits_2_and_leaves_the_catalog_as_it_was()
    {
        using var dir = new TempDir();
        dir.File("index.json", Mutate(File.ReadAllText(Ec2), "terms"));

        var result = CliRunner.Run(dir.Path, "catalog", "update", "--from", "index.json");

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldContain("$.terms: expected an object, found a string");
        File.Exists(Path.Combine(dir.Path, "berth-catalog.json")).ShouldBeFalse();
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_named_as_the_root()
    {
        using var dir = new TempDir();
        var file = dir.File("index.json", "[1, 2]");

        Should.Throw<CatalogException>(() => AwsPriceListImporter.Import(PriceCatalog.Embedded.Data, file))
            .Message.ShouldBe($"{file}: $: expected an object, found an array; expected AWS's price-list format");
    }

    /// <summary>Replaces the value at a dotted path (keys may contain dots: the longest key that matches wins) with "x", or with the number after '='.</summary>
    private static string Mutate(string json, string change)
    {
        var (path, value) = change.Split('=') is [var p, var v] ? (p, (JsonNode)JsonValue.Create(int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))) : (change, JsonValue.Create("x"));
        var root = JsonNode.Parse(json)!.AsObject();
        JsonObject node = root;
        var rest = path;
        while (true)
        {
            var key = node.Select(kv => kv.Key).Where(k => rest == k || rest.StartsWith(k + ".", StringComparison.Ordinal)).OrderByDescending(k => k.Length).First();
            if (rest == key)
            {
                node[key] = value;
                return root.ToJsonString();
            }

            node = node[key]!.AsObject();
            rest = rest[(key.Length + 1)..];
        }
    }
}
