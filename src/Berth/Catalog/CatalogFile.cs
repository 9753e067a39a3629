using System.Globalization;
using System.Text;
using System.Text.Json;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// Reads and writes Berth's catalog file: JSON with one row per line (so a diff of two catalogs reads like a
/// diff of prices), sources named once and referred to by id, rows sorted, numbers invariant.
/// </summary>
public static class CatalogFile
{
    /// <summary>The key that opens every catalog file and holds its format number: it tells a Berth catalog from other JSON.</summary>
    public const string FormatKey = "berthCatalog";

    private static readonly string[] InstanceColumns =
    [
        "name", "vcpu", "memoryMiB", "arch", "family", "category", "generation", "size", "hypervisor", "bareMetal",
        "gpus", "neuronDevices", "efa", "defaultCardEnis", "ipv4PerEni", "eniMaxPods", "gpuName",
    ];

    /// <summary>Catalogs written before GPU names were recorded: the same columns without the last; read with no GPU names.</summary>
    private static readonly string[] InstanceColumnsWithoutGpuName = InstanceColumns[..^1];

    private static readonly string[] Ec2Columns = ["region", "instanceType", "usdPerHour", "source"];
    private static readonly string[] SpotColumns = ["region", "instanceType", "savingsPct", "interruptionBucket", "source"];
    private static readonly string[] FargateColumns = ["region", "arch", "vcpuHour", "gbHour", "spotVcpuHour", "spotGbHour", "storageGbHour", "source"];

    public static string Write(CatalogData data)
    {
        data = data.Normalized();
        var sources = data.Ec2.Select(r => r.Source)
            .Concat(data.Spot.Select(r => r.Source))
            .Concat(data.Fargate.Select(r => r.Source))
            .Concat(data.ControlPlane.Select(r => r.Source))
            .Concat(data.Storage.Select(r => r.Source))
            .Distinct()
            .OrderBy(s => s.Text, StringComparer.Ordinal)
            .ThenBy(s => s.AsOf, StringComparer.Ordinal)
            .ThenBy(s => s.Current)
            .ToArray();
        var ids = new Dictionary<PriceSource, string>();
        for (var i = 0; i < sources.Length; i++)
        {
            ids[sources[i]] = "s" + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"" + FormatKey + "\": ").Append(CatalogData.FormatVersion).Append(",\n");
        sb.Append("  \"referenceRegion\": ").Append(Str(data.ReferenceRegion)).Append(",\n");
        sb.Append("  \"asOf\": ").Append(Str(data.AsOf)).Append(",\n");
        sb.Append("  \"sources\": [\n");
        sb.AppendJoin(",\n", sources.Select(s => $"    {{ \"id\": {Str(ids[s])}, \"text\": {Str(s.Text)}, \"asOf\": {Str(s.AsOf)}, \"current\": {Bool(s.Current)} }}"));
        sb.Append("\n  ],\n");
        sb.Append("  \"controlPlane\": [\n");
        sb.AppendJoin(",\n", data.ControlPlane.Select(c =>
            $"    {{ \"tier\": {Str(SpecEnums.SupportTier.NameOf(c.Tier))}, \"usdPerHour\": {Num(c.UsdPerHour)}, \"source\": {Str(ids[c.Source])} }}"));
        sb.Append("\n  ],\n");
        sb.Append("  \"storage\": [\n");
        sb.AppendJoin(",\n", data.Storage.Select(r =>
            $"    {{ \"region\": {Str(r.Region)}, \"volumeType\": {Str(r.VolumeType)}, \"usdPerGbMonth\": {Num(r.UsdPerGbMonth)}, \"source\": {Str(ids[r.Source])} }}"));
        sb.Append("\n  ],\n");
        sb.Append("  \"fargateSizes\": [\n");
        sb.AppendJoin(",\n", data.FargateSizes.Select(s => $"    [{Num(s.CpuUnits)}, {Num(s.MemoryMiB)}]"));
        sb.Append("\n  ],\n");
        Table(sb, "fargate", FargateColumns, data.Fargate.Select(r => new[]
        {
            Str(r.Region), Str(SpecEnums.ServiceArch.NameOf(r.Arch)), Num(r.VcpuHour), Num(r.GbHour), Num(r.SpotVcpuHour),
            Num(r.SpotGbHour), Num(r.StorageGbHour), Str(ids[r.Source]),
        }));
        sb.Append(",\n");
        Table(sb, "instances", InstanceColumns, data.Instances.Select(i => new[]
        {
            Str(i.Name), Num(i.Vcpu), Num(i.MemoryMiB), Str(SpecEnums.ServiceArch.NameOf(i.Arch)), Str(i.Family), Str(i.Category),
            Num(i.Generation), Str(i.Size), Str(i.Hypervisor), Bool(i.BareMetal), Num(i.GpuCount), Num(i.NeuronCount), Bool(i.Efa),
            NumOrNull(i.DefaultCardEnis), NumOrNull(i.Ipv4PerEni), NumOrNull(i.EniMaxPods), Str(i.GpuName),
        }));
        sb.Append(",\n");
        Table(sb, "ec2", Ec2Columns, data.Ec2.Select(r => new[]
        {
            Str(r.Region), Str(r.InstanceType), Num(r.UsdPerHour), Str(ids[r.Source]),
        }));
        sb.Append(",\n");
        Table(sb, "spot", SpotColumns, data.Spot.Select(r => new[]
        {
            Str(r.Region), Str(r.InstanceType), Num(r.SavingsPct), Num(r.InterruptionBucket), Str(ids[r.Source]),
        }));
        sb.Append("\n}\n");
        return sb.ToString();
    }

    public static CatalogData Read(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{file}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); expected a Berth catalog file", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var reader = new RowReader(file);
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(FormatKey, out var format))
            {
                throw new CatalogException($"{file}: not a Berth catalog file (no \"berthCatalog\" format number)");
            }

            if (format.ValueKind != JsonValueKind.Number || format.GetInt32() != CatalogData.FormatVersion)
            {
                throw new CatalogException($"{file}: catalog format {format} is not supported; this build reads format {CatalogData.FormatVersion}");
            }

            var sources = new Dictionary<string, PriceSource>(StringComparer.Ordinal);
            foreach (var s in reader.Array(root, "sources"))
            {
                sources[reader.String(s, "id")] = new PriceSource(reader.String(s, "text"), reader.String(s, "asOf"), reader.Bool(s, "current"));
            }

            PriceSource Source(string id, string where) =>
                sources.TryGetValue(id, out var s) ? s : throw new CatalogException($"{file}: {where}: unknown source id '{id}'");

            var controlPlane = reader.Array(root, "controlPlane").Select(c =>
            {
                var tierText = reader.String(c, "tier");
                if (!SpecEnums.SupportTier.TryParse(tierText, out var tier))
                {
                    throw new CatalogException($"{file}: controlPlane: unknown tier '{tierText}'");
                }

                return new ControlPlanePrice(tier, reader.Decimal(c, "usdPerHour"), Source(reader.String(c, "source"), "controlPlane"));
            }).ToArray();

            var sizes = reader.Array(root, "fargateSizes").Select((s, i) =>
                s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2
                    ? new FargateSize(s[0].GetInt32(), s[1].GetInt32())
                    : throw new CatalogException($"{file}: fargateSizes[{i}]: expected [cpuUnits, memoryMiB]")).ToArray();

            var fargate = reader.Rows(root, "fargate", FargateColumns).Select(r =>
            {
                return new FargatePriceRow(r.Str(0), r.Arch(1), r.Dec(2), r.Dec(3), r.DecOrNull(4), r.DecOrNull(5), r.Dec(6), Source(r.Str(7), "fargate"));
            }).ToArray();

            var instances = reader.Rows(root, "instances", InstanceColumns, InstanceColumnsWithoutGpuName).Select(r => new InstanceTypeInfo(
                r.Str(0), r.Int(1), r.Long(2), r.Arch(3), r.Str(4), r.Str(5), r.Int(6), r.Str(7), r.Str(8), r.Bool(9),
                r.Int(10), r.Int(11), r.Bool(12), r.IntOrNull(13), r.IntOrNull(14), r.IntOrNull(15),
                r.Values.GetArrayLength() > 16 ? r.Str(16) : "")).ToArray();

            var ec2 = reader.Rows(root, "ec2", Ec2Columns).Select(r =>
            {
                return new Ec2PriceRow(r.Str(0), r.Str(1), r.Dec(2), Source(r.Str(3), "ec2"));
            }).ToArray();

            var spot = reader.Rows(root, "spot", SpotColumns).Select(r =>
            {
                return new SpotAdvisorRow(r.Str(0), r.Str(1), r.Int(2), r.Int(3), Source(r.Str(4), "spot"));
            }).ToArray();

            var storage = reader.Array(root, "storage").Select(r => new StoragePrice(
                reader.String(r, "region"), reader.String(r, "volumeType"), reader.Decimal(r, "usdPerGbMonth"), Source(reader.String(r, "source"), "storage"))).ToArray();

            var data = new CatalogData(reader.String(root, "referenceRegion"), instances, ec2, spot, fargate, sizes, controlPlane, storage);
            CatalogValidator.Check(data, file);
            return data;
        }
    }

    private static void Table(StringBuilder sb, string name, string[] columns, IEnumerable<string[]> rows)
    {
        sb.Append("  ").Append(Str(name)).Append(": {\n");
        sb.Append("    \"columns\": [").AppendJoin(", ", columns.Select(Str)).Append("],\n");
        sb.Append("    \"rows\": [\n");
        sb.AppendJoin(",\n", rows.Select(r => "      [" + string.Join(", ", r) + "]"));
        sb.Append("\n    ]\n  }");
    }

    private static string Str(string s) => JsonSerializer.Serialize(s);

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(decimal? value) => value is { } v ? Num(v) : "null";

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string NumOrNull(int? value) => value is { } v ? Num(v) : "null";

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Reads fields with errors that name the file, the table and the row.</summary>
    private sealed class RowReader(string file)
    {
        public JsonElement.ArrayEnumerator Array(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray()
                : throw new CatalogException($"{file}: missing the \"{name}\" list");

        public string String(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() ?? ""
                : throw new CatalogException($"{file}: expected a string \"{name}\"");

        public bool Bool(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? v.GetBoolean()
                : throw new CatalogException($"{file}: expected true or false for \"{name}\"");

        public decimal Decimal(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
                ? v.GetDecimal()
                : throw new CatalogException($"{file}: expected a number \"{name}\"");

        public IEnumerable<Row> Rows(JsonElement root, string table, string[] columns, string[]? older = null)
        {
            if (!root.TryGetProperty(table, out var t) || t.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogException($"{file}: missing the \"{table}\" table");
            }

            var actual = t.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
                : [];
            if (older is not null && actual.SequenceEqual(older, StringComparer.Ordinal))
            {
                columns = older;
            }
            else if (!actual.SequenceEqual(columns, StringComparer.Ordinal))
            {
                throw new CatalogException($"{file}: table \"{table}\" has columns [{string.Join(", ", actual)}]; expected [{string.Join(", ", columns)}]");
            }

            var i = 0;
            foreach (var row in Array(t, "rows"))
            {
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != columns.Length)
                {
                    throw new CatalogException($"{file}: {table} row {i}: expected {columns.Length} fields");
                }

                yield return new Row(file, table, i, row);
                i++;
            }
        }
    }

    private readonly record struct Row(string File, string Table, int Index, JsonElement Values)
    {
        public string Str(int c) => Values[c].ValueKind == JsonValueKind.String ? Values[c].GetString() ?? "" : throw Bad(c, "a string");

        public decimal Dec(int c) => Values[c].ValueKind == JsonValueKind.Number ? Values[c].GetDecimal() : throw Bad(c, "a number");

        public decimal? DecOrNull(int c) => Values[c].ValueKind == JsonValueKind.Null ? null : Dec(c);

        public int Int(int c) => Values[c].ValueKind == JsonValueKind.Number && Values[c].TryGetInt32(out var v) ? v : throw Bad(c, "a whole number");

        public int? IntOrNull(int c) => Values[c].ValueKind == JsonValueKind.Null ? null : Int(c);

        public long Long(int c) => Values[c].ValueKind == JsonValueKind.Number && Values[c].TryGetInt64(out var v) ? v : throw Bad(c, "a whole number");

        public bool Bool(int c) => Values[c].ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad(c, "true or false"),
        };

        public CpuArch Arch(int c) => SpecEnums.ServiceArch.TryParse(Str(c), out var a) ? a : throw Bad(c, "x86_64 or arm64");

        private CatalogException Bad(int c, string expected) =>
            new($"{File}: {Table} row {Index}, field {c}: expected {expected}, got {Values[c].GetRawText()}");
    }
}
