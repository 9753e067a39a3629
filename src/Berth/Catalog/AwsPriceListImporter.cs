using System.Globalization;
using System.Text.Json;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// Reads AWS's public bulk price-list files (<c>offers/v1.0/aws/&lt;Service&gt;/current/&lt;region&gt;/index.json</c>:
/// <c>products</c> keyed by SKU, <c>terms.OnDemand</c> keyed by SKU then offer term) for AmazonEC2 (Linux, shared
/// tenancy, no pre-installed software, used capacity) and AmazonECS (Fargate Linux vCPU, GB, ephemeral storage,
/// ARM and Spot), and merges their prices into a catalog. A file that is malformed, truncated, empty or holds no
/// usable price is rejected with a message naming it.
/// </summary>
public static class AwsPriceListImporter
{
    public sealed record ImportResult(CatalogData Catalog, IReadOnlyList<string> Files, int Ec2Prices, int FargatePrices);

    public static ImportResult Import(CatalogData current, string path)
    {
        string[] files;
        try
        {
            files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.json", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                    .Order(StringComparer.Ordinal).ToArray()
                : File.Exists(path) ? [path] : throw new CatalogException($"{path}: not found; expected an AWS price-list index.json or a folder of them");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"{path}: cannot be read: {e.Message.TrimEnd('.')}", e);
        }
        if (files.Length == 0)
        {
            throw new CatalogException($"{path}: holds no .json price-list files");
        }

        var ec2 = current.Ec2.ToDictionary(r => (r.Region, r.InstanceType));
        var fargate = current.Fargate.ToDictionary(r => (r.Region, r.Arch));
        var storage = current.Storage.ToDictionary(r => (r.Region, r.VolumeType));
        var ec2Count = 0;
        var fargateCount = 0;
        foreach (var file in files)
        {
            var offer = ReadOffer(file);
            switch (offer.OfferCode)
            {
                case "AmazonEC2":
                    foreach (var row in Ec2Rows(offer))
                    {
                        ec2[(row.Region, row.InstanceType)] = row;
                        ec2Count++;
                    }

                    foreach (var row in StorageRows(offer))
                    {
                        storage[(row.Region, row.VolumeType)] = row;
                    }

                    break;
                case "AmazonECS":
                    foreach (var row in FargateRows(offer, fargate))
                    {
                        fargate[(row.Region, row.Arch)] = row;
                        fargateCount++;
                    }

                    break;
                default:
                    throw new CatalogException($"{file}: offer '{offer.OfferCode}' is not one Berth reads; expected AmazonEC2 or AmazonECS");
            }
        }

        var updated = (current with { Ec2 = ec2.Values.ToArray(), Fargate = fargate.Values.ToArray(), Storage = storage.Values.ToArray() }).Normalized();
        CatalogValidator.Check(updated, path);
        return new ImportResult(updated, files, ec2Count, fargateCount);
    }

    private sealed record Product(string Sku, string Family, IReadOnlyDictionary<string, string> Attributes);

    private sealed record Offer(string File, string OfferCode, string PublicationDate, IReadOnlyList<Product> Products, IReadOnlyDictionary<string, (string Unit, decimal Usd)> OnDemand);

    private static Offer ReadOffer(string file)
    {
        string text;
        try
        {
            text = Files.InputFile.ReadAllText(file, CatalogLimits.MaxPriceListBytes);
        }
        catch (Files.InputFileException e)
        {
            throw new CatalogException(e.Message + (e.Problem == Files.InputProblem.TooLarge ? "; use a regional file (offers/v1.0/aws/<Service>/current/<region>/index.json)" : ""), e);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CatalogException($"{file}: is empty; expected an AWS price-list file");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{file}:{(e.LineNumber ?? 0) + 1}: not valid JSON (truncated or corrupt?); expected an AWS price-list file", e);
        }

        using (doc)
        {
            // Every field read is checked for its shape, and a wrong one is named by its JSON path: a string where
            // AWS's format has an object is a bad file, not a bug.
            var json = new Shape(file);
            var root = json.Object(doc.RootElement, "$");
            var offerCode = json.String(json.Required(root, "offerCode", "$"), "$.offerCode");
            var published = json.String(json.Required(root, "publicationDate", "$"), "$.publicationDate");
            var products = json.Object(json.Required(root, "products", "$"), "$.products");
            var terms = json.Object(json.Required(root, "terms", "$"), "$.terms");
            var onDemand = json.Object(json.Required(terms, "OnDemand", "$.terms"), "$.terms.OnDemand");

            var list = new List<Product>();
            foreach (var p in products.EnumerateObject())
            {
                var at = $"$.products{Shape.Key(p.Name)}";
                var product = json.Object(p.Value, at);
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                if (product.TryGetProperty("attributes", out var attrs))
                {
                    foreach (var a in json.Object(attrs, at + ".attributes").EnumerateObject())
                    {
                        attributes[a.Name] = a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString() ?? "" : a.Value.GetRawText();
                    }
                }

                var family = product.TryGetProperty("productFamily", out var f) ? json.String(f, at + ".productFamily") : "";
                list.Add(new Product(p.Name, family, attributes));
            }

            var prices = new Dictionary<string, (string, decimal)>(StringComparer.Ordinal);
            foreach (var sku in onDemand.EnumerateObject())
            {
                var skuAt = $"$.terms.OnDemand{Shape.Key(sku.Name)}";
                foreach (var term in json.Object(sku.Value, skuAt).EnumerateObject())
                {
                    var termAt = skuAt + Shape.Key(term.Name);
                    var dims = json.Object(json.Required(json.Object(term.Value, termAt), "priceDimensions", termAt), termAt + ".priceDimensions");
                    foreach (var dim in dims.EnumerateObject())
                    {
                        var dimAt = $"{termAt}.priceDimensions{Shape.Key(dim.Name)}";
                        var dimension = json.Object(dim.Value, dimAt);
                        var unit = json.String(json.Required(dimension, "unit", dimAt), dimAt + ".unit");
                        var perUnit = json.Object(json.Required(dimension, "pricePerUnit", dimAt), dimAt + ".pricePerUnit");
                        var usdText = json.String(json.Required(perUnit, "USD", dimAt + ".pricePerUnit"), dimAt + ".pricePerUnit.USD");
                        if (!decimal.TryParse(usdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var usd))
                        {
                            throw new CatalogException($"{file}: {dimAt}.pricePerUnit.USD: '{usdText}' is not a number; expected AWS's price-list format");
                        }

                        // AWS writes ten decimals ("0.2140000000"); keep the figure, not the padding.
                        prices[sku.Name] = (unit, usd / 1.000000000000000000000000000000000m);
                    }
                }
            }

            return new Offer(file, offerCode, published, list, prices);
        }
    }

    /// <summary>Reads a JSON document field by field, naming the JSON path of the first field of the wrong shape.</summary>
    private sealed class Shape(string file)
    {
        public JsonElement Object(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.Object ? e : throw Wrong(path, "an object", e);

        public string String(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : throw Wrong(path, "a string", e);

        public JsonElement Required(JsonElement obj, string name, string path) =>
            obj.TryGetProperty(name, out var value)
                ? value
                : throw new CatalogException($"{file}: {path}: missing \"{name}\"; expected AWS's price-list format");

        /// <summary>A member of a JSON path: <c>.name</c> for plain names, <c>["…"]</c> for keys such as SKUs.</summary>
        public static string Key(string name) => "[\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";

        private CatalogException Wrong(string path, string expected, JsonElement found) =>
            new($"{file}: {path}: expected {expected}, found {Describe(found.ValueKind)}; expected AWS's price-list format");

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }

    private static List<Ec2PriceRow> Ec2Rows(Offer offer)
    {
        var source = Source(offer);
        var rows = new List<Ec2PriceRow>();
        foreach (var p in offer.Products)
        {
            var a = p.Attributes;
            // The Linux, shared-tenancy, on-demand price of a running instance: what Karpenter's pricing uses too.
            if (p.Family != "Compute Instance"
                || Attr(a, "operatingSystem") != "Linux"
                || Attr(a, "tenancy") != "Shared"
                || Attr(a, "preInstalledSw") != "NA"
                || Attr(a, "capacitystatus") is not ("Used" or "")
                || Attr(a, "licenseModel") is not ("No License required" or ""))
            {
                continue;
            }

            if (!offer.OnDemand.TryGetValue(p.Sku, out var price) || price.Unit != "Hrs" || price.Usd <= 0)
            {
                continue;
            }

            var region = Region(offer, a);
            rows.Add(new Ec2PriceRow(region, Attr(a, "instanceType"), price.Usd, source));
        }

        if (rows.Count == 0)
        {
            throw new CatalogException($"{offer.File}: holds no Linux on-demand EC2 instance prices");
        }

        return rows;
    }

    private static List<FargatePriceRow> FargateRows(Offer offer, IReadOnlyDictionary<(string, CpuArch), FargatePriceRow> existing)
    {
        var source = Source(offer);
        var found = new Dictionary<(string Region, CpuArch Arch), Dictionary<string, decimal>>();
        foreach (var p in offer.Products)
        {
            var usage = Attr(p.Attributes, "usagetype");
            if (!usage.Contains("Fargate", StringComparison.Ordinal) || usage.Contains("Windows", StringComparison.Ordinal)
                || !offer.OnDemand.TryGetValue(p.Sku, out var price))
            {
                continue;
            }

            var arch = usage.Contains("ARM", StringComparison.Ordinal) ? CpuArch.Arm64 : CpuArch.X64;
            var spot = usage.Contains("SpotUsage", StringComparison.Ordinal);
            string? kind = usage switch
            {
                _ when usage.Contains("EphemeralStorage-GB-Hours", StringComparison.Ordinal) => "storage",
                _ when usage.Contains("vCPU-Hours", StringComparison.Ordinal) => spot ? "spotVcpu" : "vcpu",
                _ when usage.Contains("GB-Hours", StringComparison.Ordinal) => spot ? "spotGb" : "gb",
                _ => null,
            };
            if (kind is null)
            {
                continue;
            }

            var key = (Region(offer, p.Attributes), arch);
            if (!found.TryGetValue(key, out var values))
            {
                found[key] = values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            }

            values[kind] = price.Usd;
        }

        var rows = new List<FargatePriceRow>();
        foreach (var ((region, arch), v) in found)
        {
            if (!v.TryGetValue("vcpu", out var vcpu) || !v.TryGetValue("gb", out var gb))
            {
                continue;
            }

            var old = existing.GetValueOrDefault((region, arch));
            rows.Add(new FargatePriceRow(region, arch, vcpu, gb,
                v.TryGetValue("spotVcpu", out var sv) ? sv : null,
                v.TryGetValue("spotGb", out var sg) ? sg : null,
                v.TryGetValue("storage", out var st) ? st : old?.StorageGbHour ?? 0.000111m,
                source));
        }

        if (rows.Count == 0)
        {
            throw new CatalogException($"{offer.File}: holds no Fargate Linux vCPU and GB prices");
        }

        return rows;
    }

    /// <summary>EBS volume prices per GB-month (productFamily Storage), for node root volumes.</summary>
    private static List<StoragePrice> StorageRows(Offer offer)
    {
        var source = Source(offer);
        var rows = new List<StoragePrice>();
        foreach (var p in offer.Products)
        {
            var volume = Attr(p.Attributes, "volumeApiName");
            if (p.Family == "Storage" && volume.Length > 0 && offer.OnDemand.TryGetValue(p.Sku, out var price) && price.Unit == "GB-Mo" && price.Usd > 0)
            {
                rows.Add(new StoragePrice(Region(offer, p.Attributes), volume, price.Usd, source));
            }
        }

        return rows;
    }

    private static PriceSource Source(Offer offer)
    {
        var date = offer.PublicationDate.Length >= 10 ? offer.PublicationDate[..10] : offer.PublicationDate;
        return new PriceSource($"AWS Price List {offer.OfferCode} ({offer.PublicationDate})", date, Current: true);
    }

    private static string Region(Offer offer, IReadOnlyDictionary<string, string> attributes)
    {
        var code = Attr(attributes, "regionCode");
        if (code.Length > 0)
        {
            return code;
        }

        // Older files lack regionCode; the folder is named after the region (…/current/<region>/index.json).
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(offer.File)) ?? "");
        return KnownRegions.Contains(folder)
            ? folder
            : throw new CatalogException($"{offer.File}: a product has no regionCode and the folder '{folder}' is not a region");
    }

    private static string Attr(IReadOnlyDictionary<string, string> a, string key) => a.TryGetValue(key, out var v) ? v : "";
}
