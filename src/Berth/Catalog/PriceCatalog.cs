using System.Globalization;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// The price and instance catalog, indexed for lookups. Prices that are not current for a region are estimated
/// from the reference region (us-east-1) by the region's observed price ratio, and say so.
/// </summary>
public sealed class PriceCatalog
{
    public const string EmbeddedName = "embedded";
    private const string EmbeddedResource = "Berth.Catalog.catalog.json";

    private static readonly Lazy<PriceCatalog> LazyEmbedded = new(LoadEmbedded);

    private readonly Dictionary<string, InstanceTypeInfo> _instances;
    private readonly Dictionary<(string Region, string Type), Ec2PriceRow> _ec2;
    private readonly Dictionary<(string Region, string Type), SpotAdvisorRow> _spot;
    private readonly Dictionary<(string Region, CpuArch Arch), FargatePriceRow> _fargate;
    private readonly Dictionary<string, RegionRatio> _ec2Ratios;

    public PriceCatalog(CatalogData data, string origin)
    {
        Data = data;
        Origin = origin;
        _instances = data.Instances.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _ec2 = data.Ec2.ToDictionary(r => (r.Region, r.InstanceType));
        _spot = data.Spot.ToDictionary(r => (r.Region, r.InstanceType));
        _fargate = data.Fargate.ToDictionary(r => (r.Region, r.Arch));
        _ec2Ratios = ObserveEc2Ratios();
        Regions = data.Ec2.Select(r => r.Region)
            .Concat(data.Fargate.Select(r => r.Region))
            .Concat(data.Spot.Select(r => r.Region))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public CatalogData Data { get; }

    /// <summary>"embedded" or the file the catalog was read from.</summary>
    public string Origin { get; }

    public string AsOf => Data.AsOf;

    public string ReferenceRegion => Data.ReferenceRegion;

    public IReadOnlyList<string> Regions { get; }

    public IReadOnlyList<InstanceTypeInfo> Instances => Data.Instances;

    public IReadOnlyList<FargateSize> FargateSizes => Data.FargateSizes;

    /// <summary>The catalog built into Berth (src/Berth/Catalog/Data/catalog.json).</summary>
    public static PriceCatalog Embedded => LazyEmbedded.Value;

    public static PriceCatalog LoadFile(string path)
    {
        string text;
        try
        {
            text = Files.InputFile.ReadAllText(path, CatalogLimits.MaxCatalogBytes);
        }
        catch (Files.InputFileException e) when (e.Problem == Files.InputProblem.NotFound)
        {
            throw new CatalogException($"{path}: catalog file not found", e);
        }
        catch (Files.InputFileException e)
        {
            throw new CatalogException(e.Message, e);
        }

        return new PriceCatalog(CatalogFile.Read(text, path), path);
    }

    /// <summary>The catalog a spec names (<c>pricing.catalog</c>): the embedded one, or a file relative to the spec.</summary>
    public static PriceCatalog For(BerthSpec spec)
    {
        if (spec.Pricing.Catalog == PricingSpec.EmbeddedCatalog)
        {
            return Embedded;
        }

        return LoadFile(PricingSpec.CatalogFile(spec.Pricing.Catalog, spec.SourcePath));
    }

    public InstanceTypeInfo? Instance(string name) => _instances.GetValueOrDefault(name);

    public SpotAdvisorRow? Advisor(string region, string instanceType) =>
        _spot.GetValueOrDefault((region, instanceType)) ?? _spot.GetValueOrDefault((ReferenceRegion, instanceType));

    /// <summary>Linux on-demand price per hour, or null when the catalog knows no price for the type anywhere.</summary>
    public PriceQuote? OnDemand(string region, string instanceType)
    {
        var own = _ec2.GetValueOrDefault((region, instanceType));
        if (own is { Source.Current: true })
        {
            return PriceQuote.From(own.UsdPerHour, own.Source);
        }

        if (_ec2.GetValueOrDefault((ReferenceRegion, instanceType)) is { } reference)
        {
            var ratio = Ec2Ratio(region);
            var usd = Round(reference.UsdPerHour * ratio.Ratio);
            return new PriceQuote(usd, Derived(reference.Source, ratio), PriceQuote.Oldest(reference.Source.AsOf, ratio.AsOf), true,
                string.Create(CultureInfo.InvariantCulture,
                    $"estimated: {ReferenceRegion} price {reference.UsdPerHour} × {ratio.Ratio:0.0000} ({ratio.Basis})"));
        }

        return own is null ? null : PriceQuote.From(own.UsdPerHour, own.Source);
    }

    /// <summary>
    /// Spot price per hour estimated as on-demand × (1 − the Spot Instance Advisor's savings %) — the advisor's
    /// figure is an average, and Spot floats, so this is always labelled an estimate.
    /// </summary>
    public PriceQuote? Spot(string region, string instanceType)
    {
        if (OnDemand(region, instanceType) is not { } onDemand || Advisor(region, instanceType) is not { } advisor)
        {
            return null;
        }

        var usd = Round(onDemand.UsdPerHour * (100 - advisor.SavingsPct) / 100m);
        var where = advisor.Region == region ? "" : $" ({advisor.Region}'s figure: none for {region})";
        return new PriceQuote(usd, $"estimate: on-demand ({onDemand.Source}) less the savings of {advisor.Source.Text}", PriceQuote.Oldest(onDemand.AsOf, advisor.Source.AsOf), true,
            string.Create(CultureInfo.InvariantCulture, $"estimated: on-demand {onDemand.UsdPerHour} less the Spot advisor's {advisor.SavingsPct}% savings{where}"));
    }

    /// <summary>EBS volume price per GB-month, estimated from the reference region by the EC2 price ratio where missing.</summary>
    public PriceQuote Storage(string region, string volumeType)
    {
        var own = Data.Storage.FirstOrDefault(s => s.Region == region && s.VolumeType == volumeType);
        if (own is not null)
        {
            return PriceQuote.From(own.UsdPerGbMonth, own.Source);
        }

        var reference = Data.Storage.FirstOrDefault(s => s.Region == ReferenceRegion && s.VolumeType == volumeType)
            ?? throw new CatalogException($"{Origin}: no {volumeType} volume price");
        var ratio = Ec2Ratio(region);
        return new PriceQuote(Round(reference.UsdPerGbMonth * ratio.Ratio),
            region == ReferenceRegion ? reference.Source.Text : Derived(reference.Source, ratio),
            region == ReferenceRegion ? reference.Source.AsOf : PriceQuote.Oldest(reference.Source.AsOf, ratio.AsOf), region != ReferenceRegion,
            region == ReferenceRegion ? null : string.Create(CultureInfo.InvariantCulture, $"estimated: {ReferenceRegion} {volumeType} {reference.UsdPerGbMonth} × {ratio.Ratio:0.0000} ({ratio.Basis})"));
    }

    public PriceQuote ControlPlane(SupportTier tier)
    {
        var row = Data.ControlPlane.FirstOrDefault(c => c.Tier == tier)
            ?? throw new CatalogException($"{Origin}: no EKS control-plane price for the {SpecEnums.SupportTier.NameOf(tier)} tier");
        return PriceQuote.From(row.UsdPerHour, row.Source);
    }

    /// <summary>Fargate Linux prices for a region and architecture, estimated where the catalog has no current row.</summary>
    public FargateQuote Fargate(string region, CpuArch arch)
    {
        var reference = _fargate.GetValueOrDefault((ReferenceRegion, arch))
            ?? throw new CatalogException($"{Origin}: no Fargate price for {ReferenceRegion} {SpecEnums.ServiceArch.NameOf(arch)}");
        var referenceX86 = _fargate.GetValueOrDefault((ReferenceRegion, CpuArch.X64)) ?? reference;
        var own = _fargate.GetValueOrDefault((region, arch));

        // Fargate Spot's discount in the reference region, for rows that publish no Spot price.
        var spotFactorVcpu = referenceX86.SpotVcpuHour is { } sv ? sv / referenceX86.VcpuHour : 0.3m;
        var spotFactorGb = referenceX86.SpotGbHour is { } sg ? sg / referenceX86.GbHour : 0.3m;

        if (own is { Source.Current: true })
        {
            var vcpu = PriceQuote.From(own.VcpuHour, own.Source);
            var gb = PriceQuote.From(own.GbHour, own.Source);
            return new FargateQuote(
                vcpu,
                gb,
                own.SpotVcpuHour is { } s1 ? PriceQuote.From(s1, own.Source) : SpotEstimate(vcpu, spotFactorVcpu, referenceX86),
                own.SpotGbHour is { } s2 ? PriceQuote.From(s2, own.Source) : SpotEstimate(gb, spotFactorGb, referenceX86),
                PriceQuote.From(own.StorageGbHour, own.Source));
        }

        var ratio = FargateRatio(region);
        PriceQuote Scaled(decimal referenceUsd, string what) => new(
            Round(referenceUsd * ratio.Ratio), Derived(reference.Source, ratio), PriceQuote.Oldest(reference.Source.AsOf, ratio.AsOf), true,
            string.Create(CultureInfo.InvariantCulture, $"estimated: {ReferenceRegion} {what} {referenceUsd} × {ratio.Ratio:0.0000} ({ratio.Basis})"));

        var od = Scaled(reference.VcpuHour, "Fargate vCPU-hour");
        var odGb = Scaled(reference.GbHour, "Fargate GB-hour");
        return new FargateQuote(
            od,
            odGb,
            reference.SpotVcpuHour is { } rs1 ? Scaled(rs1, "Fargate Spot vCPU-hour") : SpotEstimate(od, spotFactorVcpu, referenceX86),
            reference.SpotGbHour is { } rs2 ? Scaled(rs2, "Fargate Spot GB-hour") : SpotEstimate(odGb, spotFactorGb, referenceX86),
            Scaled(reference.StorageGbHour, "Fargate storage GB-hour"));
    }

    private PriceQuote SpotEstimate(PriceQuote onDemand, decimal factor, FargatePriceRow basis) => new(
        Round(onDemand.UsdPerHour * factor), $"estimate: on-demand ({onDemand.Source}) at {ReferenceRegion}'s Fargate Spot discount ({basis.Source.Text})",
        PriceQuote.Oldest(onDemand.AsOf, basis.Source.AsOf), true,
        string.Create(CultureInfo.InvariantCulture, $"estimated: on-demand {onDemand.UsdPerHour} × {factor:0.0000} (Fargate Spot's discount in {ReferenceRegion})"));

    /// <summary>An estimate's source: the reference price it scales and the ratio it scales by, each with its own source.</summary>
    private string Derived(PriceSource reference, RegionRatio ratio) =>
        $"estimate: {ReferenceRegion}'s price ({reference.Text}, {reference.AsOf}) × {ratio.Basis}";

    /// <summary>The region's EC2 price level: the median of its (stale) prices over the reference region's, type by type.</summary>
    public RegionRatio Ec2Ratio(string region) =>
        _ec2Ratios.TryGetValue(region, out var r) ? r : FallbackRatio(region);

    /// <summary>The region's Fargate price level from its own (stale) row, else its EC2 ratio.</summary>
    public RegionRatio FargateRatio(string region)
    {
        if (region == ReferenceRegion)
        {
            return new RegionRatio(region, 1m, 0, "the reference region");
        }

        var reference = _fargate.GetValueOrDefault((ReferenceRegion, CpuArch.X64));
        var own = _fargate.GetValueOrDefault((region, CpuArch.X64));
        if (reference is not null && own is not null)
        {
            return new RegionRatio(region, Math.Round(own.VcpuHour / reference.VcpuHour, 4), 1,
                $"{region}'s Fargate price ratio as of {own.Source.AsOf}")
            { AsOf = own.Source.AsOf };
        }

        return Ec2Ratio(region);
    }

    private RegionRatio FallbackRatio(string region)
    {
        if (region == ReferenceRegion)
        {
            return new RegionRatio(region, 1m, 0, "the reference region");
        }

        var all = _ec2Ratios.Values.Select(r => r.Ratio).Order().ToArray();
        var median = all.Length == 0 ? 1m : Median(all);
        return new RegionRatio(region, median, 0, $"no prices for {region}: the median ratio of {all.Length} other regions")
        {
            AsOf = _ec2Ratios.Values.Select(r => r.AsOf).DefaultIfEmpty("").Min(StringComparer.Ordinal) ?? "",
        };
    }

    private Dictionary<string, RegionRatio> ObserveEc2Ratios()
    {
        var result = new Dictionary<string, RegionRatio>(StringComparer.Ordinal);
        foreach (var group in Data.Ec2.Where(r => r.Region != ReferenceRegion).GroupBy(r => r.Region, StringComparer.Ordinal))
        {
            var ratios = group
                .Select(r => (Row: r, Reference: _ec2.GetValueOrDefault((ReferenceRegion, r.InstanceType))))
                .Where(p => p.Reference is not null)
                .Select(p => p.Row.UsdPerHour / p.Reference!.UsdPerHour)
                .Order()
                .ToArray();
            if (ratios.Length > 0)
            {
                var asOf = group.Max(r => r.Source.AsOf) ?? "";
                result[group.Key] = new RegionRatio(group.Key, Math.Round(Median(ratios), 4), ratios.Length,
                    $"{group.Key}'s observed price ratio over {ratios.Length} types as of {asOf}")
                { AsOf = asOf };
            }
        }

        return result;
    }

    private static decimal Median(decimal[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>Estimates keep six decimals, as AWS's price list does.</summary>
    private static decimal Round(decimal usd) => Math.Round(usd, 6, MidpointRounding.AwayFromZero);

    private static PriceCatalog LoadEmbedded()
    {
        using var stream = typeof(PriceCatalog).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new CatalogException("the embedded catalog is missing from this build");
        using var reader = new StreamReader(stream);
        return new PriceCatalog(CatalogFile.Read(reader.ReadToEnd(), EmbeddedName), EmbeddedName);
    }
}
