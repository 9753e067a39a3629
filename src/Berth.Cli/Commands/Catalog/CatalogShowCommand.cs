using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Berth.Catalog;
using Berth.Cli.Infrastructure;
using Berth.Formatting;
using Berth.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Catalog;

/// <summary><c>berth catalog show</c>: instance types with their prices in a region, and the region's Fargate prices.</summary>
public sealed class CatalogShowCommand(CliContext cli) : Command<CatalogShowCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("-r|--region <REGION>")]
        [Description("AWS region (default us-east-1).")]
        [DefaultValue(KnownRegions.Default)]
        public string Region { get; init; } = KnownRegions.Default;

        [CommandOption("--family <FAMILY>")]
        [Description("Only this instance family (m5, c7g, …).")]
        public string? Family { get; init; }

        [CommandOption("--allocatable")]
        [Description("Show what Karpenter leaves for pods on each type (AL2023): CPU millicores, memory MiB, max pods.")]
        public bool Allocatable { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text, csv or json.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate()
        {
            if (!KnownRegions.Contains(Region))
            {
                return ValidationResult.Error($"--region: unknown AWS region '{Region}'{Suggest.DidYouMean(Region, KnownRegions.All)}");
            }

            return OutputFormats.Check(Format, "text", "csv", "json");
        }
    }

    private sealed record Row(InstanceTypeInfo Info, PriceQuote? OnDemand, PriceQuote? Spot, SpotAdvisorRow? Advisor);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSettings.Open(cli, settings.Catalog);
        var rows = catalog.Instances
            .Where(i => settings.Family is null || i.Family == settings.Family)
            .Select(i => new Row(i, catalog.OnDemand(settings.Region, i.Name), catalog.Spot(settings.Region, i.Name), catalog.Advisor(settings.Region, i.Name)))
            .ToArray();
        if (settings.Family is not null && rows.Length == 0)
        {
            var families = catalog.Instances.Select(i => i.Family).Distinct(StringComparer.Ordinal).ToArray();
            throw new UserErrorException($"--family: no instance family '{settings.Family}' in the catalog{Suggest.DidYouMean(settings.Family, families)}");
        }

        if (settings.Allocatable)
        {
            ShowAllocatable(rows.Select(r => r.Info).ToArray(), settings.Format);
            return ExitCodes.Ok;
        }

        switch (settings.Format)
        {
            case "csv":
                cli.Out.Write(Csv(rows, settings.Region, catalog));
                break;
            case "json":
                cli.Out.Write(Json(rows, settings.Region, catalog));
                break;
            default:
                Text(rows, settings.Region, catalog);
                break;
        }

        return ExitCodes.Ok;
    }

    private void ShowAllocatable(IReadOnlyList<InstanceTypeInfo> types, string format)
    {
        var rows = types.Select(t => (Info: t, Alloc: Berth.Catalog.Allocatable.For(t))).ToArray();
        if (format == "csv")
        {
            var sb = new StringBuilder("instanceType,arch,vcpu,memoryMiB,allocatableCpuMillicores,allocatableMemoryMiB,allocatablePods\n");
            foreach (var (t, a) in rows)
            {
                sb.Append(Berth.Catalog.Csv.Line([
                    t.Name, SpecEnums.NodeArch.NameOf(t.Arch), t.Vcpu.ToString(CultureInfo.InvariantCulture), t.MemoryMiB.ToString(CultureInfo.InvariantCulture),
                    a.CpuMillicores.ToString(CultureInfo.InvariantCulture), a.MemoryMiB.ToString(CultureInfo.InvariantCulture), a.Pods.ToString(CultureInfo.InvariantCulture),
                ])).Append('\n');
            }

            cli.Out.Write(sb.ToString());
            return;
        }

        if (format == "json")
        {
            throw new UserErrorException("--allocatable: expected --format text or csv");
        }

        var table = new Table().Border(TableBorder.Simple).Title("Allocatable per node (Karpenter, AL2023; before DaemonSets)");
        table.AddColumns("Type", "Arch", "vCPU", "Memory MiB", "CPU (m)", "Memory (MiB)", "Pods");
        foreach (var (t, a) in rows)
        {
            table.AddRow(t.Name, SpecEnums.NodeArch.NameOf(t.Arch), t.Vcpu.ToString(CultureInfo.InvariantCulture), t.MemoryMiB.ToString(CultureInfo.InvariantCulture),
                a.CpuMillicores.ToString(CultureInfo.InvariantCulture), a.MemoryMiB.ToString(CultureInfo.InvariantCulture), a.Pods.ToString(CultureInfo.InvariantCulture));
        }

        cli.Ansi.Write(table);
    }

    private static string Inv(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Csv(IEnumerable<Row> rows, string region, PriceCatalog catalog)
    {
        var sb = new StringBuilder("region,instanceType,vcpu,memoryMiB,arch,onDemandUsdPerHour,spotUsdPerHour,spotSavingsPct,interruptionBucket,estimated,asOf\n");
        foreach (var r in rows)
        {
            sb.Append(Berth.Catalog.Csv.Line([
                region, r.Info.Name, r.Info.Vcpu.ToString(CultureInfo.InvariantCulture), r.Info.MemoryMiB.ToString(CultureInfo.InvariantCulture),
                SpecEnums.NodeArch.NameOf(r.Info.Arch), Inv(r.OnDemand?.UsdPerHour), Inv(r.Spot?.UsdPerHour),
                r.Advisor?.SavingsPct.ToString(CultureInfo.InvariantCulture) ?? "", r.Advisor?.InterruptionBucket.ToString(CultureInfo.InvariantCulture) ?? "",
                r.OnDemand is { Estimated: true } ? "true" : "false", r.OnDemand?.AsOf ?? catalog.AsOf,
            ])).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IEnumerable<Row> rows, string region, PriceCatalog catalog)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("region", region);
            w.WriteString("catalog", catalog.Origin);
            w.WriteString("catalogAsOf", catalog.AsOf);
            w.WriteStartArray("instanceTypes");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("instanceType", r.Info.Name);
                w.WriteNumber("vcpu", r.Info.Vcpu);
                w.WriteNumber("memoryMiB", r.Info.MemoryMiB);
                w.WriteString("arch", SpecEnums.NodeArch.NameOf(r.Info.Arch));
                Price(w, "onDemand", r.OnDemand);
                Price(w, "spot", r.Spot);
                if (r.Advisor is { } a)
                {
                    w.WriteNumber("spotSavingsPct", a.SavingsPct);
                    w.WriteNumber("interruptionBucket", a.InterruptionBucket);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Price(Utf8JsonWriter w, string name, PriceQuote? q)
    {
        if (q is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("usdPerHour", q.UsdPerHour);
        w.WriteString("asOf", q.AsOf);
        w.WriteBoolean("estimated", q.Estimated);
        if (q.Note is not null)
        {
            w.WriteString("note", q.Note);
        }

        w.WriteEndObject();
    }

    private void Text(IReadOnlyList<Row> rows, string region, PriceCatalog catalog)
    {
        var ansi = cli.Ansi;
        var fargate = new Table().Border(TableBorder.Rounded).Title($"Fargate Linux prices, {region}");
        fargate.AddColumns("Arch", "vCPU-hour", "GB-hour", "Spot vCPU-hour", "Spot GB-hour", "Storage GB-hour", "Basis");
        foreach (var arch in new[] { CpuArch.X64, CpuArch.Arm64 })
        {
            var q = catalog.Fargate(region, arch);
            fargate.AddRow(SpecEnums.ServiceArch.NameOf(arch), Inv(q.Vcpu.UsdPerHour), Inv(q.Gb.UsdPerHour), Inv(q.SpotVcpu.UsdPerHour),
                Inv(q.SpotGb.UsdPerHour), Inv(q.StorageGb.UsdPerHour), Markup.Escape(q.Vcpu.Note ?? $"{q.Vcpu.Source}, {q.Vcpu.AsOf}"));
        }

        ansi.Write(fargate);
        var table = new Table().Border(TableBorder.Simple).Title($"EC2 instance types, {region} (Linux, USD per hour)");
        table.AddColumns("Type", "vCPU", "Memory GiB", "Arch", "On-demand", "Spot (est.)", "Spot savings", "Interruptions");
        foreach (var r in rows)
        {
            table.AddRow(
                r.Info.Name,
                r.Info.Vcpu.ToString(CultureInfo.InvariantCulture),
                Fmt.Number(r.Info.MemoryMiB / 1024m),
                SpecEnums.NodeArch.NameOf(r.Info.Arch),
                r.OnDemand is null ? "—" : Inv(r.OnDemand.UsdPerHour) + (r.OnDemand.Estimated ? " *" : ""),
                r.Spot is null ? "—" : Inv(r.Spot.UsdPerHour),
                r.Advisor is null ? "—" : r.Advisor.SavingsPct.ToString(CultureInfo.InvariantCulture) + "%",
                r.Advisor is null ? "—" : Band(r.Advisor.InterruptionBucket));
        }

        ansi.Write(table);
        ansi.WriteLine($"{rows.Count} instance types; {catalog.Origin} catalog as of {catalog.AsOf}.");
        if (region != catalog.ReferenceRegion && rows.Any(r => r.OnDemand is { Estimated: true }))
        {
            var ratio = catalog.Ec2Ratio(region);
            ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"* estimated: {catalog.ReferenceRegion} price × {ratio.Ratio:0.0000} ({ratio.Basis})."));
        }
    }

    /// <summary>The Spot Instance Advisor's interruption-frequency bands.</summary>
    public static string Band(int bucket) => bucket switch
    {
        0 => "<5%",
        1 => "5-10%",
        2 => "10-15%",
        3 => "15-20%",
        _ => ">20%",
    };
}
