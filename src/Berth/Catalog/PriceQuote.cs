namespace Berth.Catalog;

/// <summary>
/// A price as Berth will use it: the figure, where it came from and its date, and — when it is not a current
/// catalog price — that it is an estimate and how it was made.
/// </summary>
public sealed record PriceQuote(decimal UsdPerHour, string Source, string AsOf, bool Estimated, string? Note)
{
    public static PriceQuote From(decimal usd, PriceSource source) =>
        source.Current
            ? new PriceQuote(usd, source.Text, source.AsOf, false, null)
            : new PriceQuote(usd, source.Text, source.AsOf, true, $"stale: as of {source.AsOf}");
}

/// <summary>Fargate prices for one region and architecture, per hour.</summary>
public sealed record FargateQuote(PriceQuote Vcpu, PriceQuote Gb, PriceQuote SpotVcpu, PriceQuote SpotGb, PriceQuote StorageGb);

/// <summary>A region's price level relative to the reference region, observed from the catalog's own rows.</summary>
public sealed record RegionRatio(string Region, decimal Ratio, int Samples, string Basis);
