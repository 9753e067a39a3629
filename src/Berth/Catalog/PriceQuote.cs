namespace Berth.Catalog;

/// <summary>What a price rests on.</summary>
public enum PriceBasis
{
    /// <summary>A row of the catalog, current for its region.</summary>
    CatalogRow,

    /// <summary>A row of the catalog that is not current (its date says how old).</summary>
    StaleCatalogRow,

    /// <summary>Derived from other prices (another region's, a discount): <see cref="PriceQuote.Note"/> says how.</summary>
    Estimate,

    /// <summary>berth.yaml's <c>pricing.overrides</c>.</summary>
    Override,
}

/// <summary>
/// A price as Berth will use it: the figure, where it came from and its date, and — when it is not a current
/// catalog price — that it is an estimate and how it was made. An estimate's <see cref="Source"/> names what it was
/// derived from and how, never just the source of the price it started from; its <see cref="AsOf"/> is the oldest input's.
/// </summary>
public sealed record PriceQuote(decimal UsdPerHour, string Source, string AsOf, bool Estimated, string? Note)
{
    public PriceBasis Basis { get; init; } = Estimated ? PriceBasis.Estimate : PriceBasis.CatalogRow;

    /// <summary>The basis in words, for tables: "catalog row", "catalog row (stale)", "estimate", "override".</summary>
    public string BasisText => Basis switch
    {
        PriceBasis.CatalogRow => "catalog row",
        PriceBasis.StaleCatalogRow => "catalog row (stale)",
        PriceBasis.Override => "override",
        _ => "estimate",
    };

    /// <summary>The older of two as-of dates (ISO dates, or years, compare as text).</summary>
    public static string Oldest(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    public static PriceQuote From(decimal usd, PriceSource source) =>
        source.Current
            ? new PriceQuote(usd, source.Text, source.AsOf, false, null)
            : new PriceQuote(usd, source.Text, source.AsOf, true, $"stale: as of {source.AsOf}") { Basis = PriceBasis.StaleCatalogRow };
}

/// <summary>Fargate prices for one region and architecture, per hour.</summary>
public sealed record FargateQuote(PriceQuote Vcpu, PriceQuote Gb, PriceQuote SpotVcpu, PriceQuote SpotGb, PriceQuote StorageGb);

/// <summary>A region's price level relative to the reference region, observed from the catalog's own rows.</summary>
public sealed record RegionRatio(string Region, decimal Ratio, int Samples, string Basis)
{
    /// <summary>The date of the prices the ratio was observed from (empty for the reference region).</summary>
    public string AsOf { get; init; } = "";
}
