using Berth.Catalog;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>Prices every option the spec allows, from one catalog, for one month.</summary>
public static class CostEngine
{
    /// <summary>Every option builder in this assembly, in output order.</summary>
    public static IReadOnlyList<ICostOptionBuilder> Builders { get; } = typeof(CostEngine).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICostOptionBuilder).IsAssignableFrom(t))
        .Select(t => (ICostOptionBuilder)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Order)
        .ThenBy(b => b.Id, StringComparer.Ordinal)
        .ToArray();

    public static CostReport Estimate(BerthSpec spec, PriceCatalog catalog, bool infraOnly = false, bool totalsOnly = false)
    {
        var context = new CostContext(spec, new PriceBook(catalog, spec.Pricing, spec.Region), infraOnly, totalsOnly);
        var options = Builders.Select(b => b.Build(context)).OfType<CostOption>().ToArray();
        return new CostReport("USD", spec.Pricing.HoursPerMonth, spec.Region, catalog.AsOf, catalog.Origin, options);
    }

    /// <summary>The catalog a spec names: the embedded one, or a file relative to the spec.</summary>
    public static PriceCatalog CatalogFor(BerthSpec spec)
    {
        if (spec.Pricing.Catalog == PricingSpec.EmbeddedCatalog)
        {
            return PriceCatalog.Embedded;
        }

        var path = Path.IsPathRooted(spec.Pricing.Catalog)
            ? spec.Pricing.Catalog
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(spec.SourcePath)) ?? ".", spec.Pricing.Catalog);
        return PriceCatalog.LoadFile(path);
    }
}
