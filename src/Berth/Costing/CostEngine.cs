using System.Globalization;
using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>Prices every option's plan for one month, from one catalog.</summary>
public static class CostEngine
{
    /// <summary>Every option builder in this assembly, in output order.</summary>
    public static IReadOnlyList<ICostOptionBuilder> Builders { get; } = typeof(CostEngine).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICostOptionBuilder).IsAssignableFrom(t))
        .Select(t => (ICostOptionBuilder)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Order)
        .ThenBy(b => b.Id, StringComparer.Ordinal)
        .ToArray();

    public static CostReport Estimate(BerthSpec spec, PriceCatalog catalog, bool infraOnly = false, bool totalsOnly = false) =>
        Estimate(Plan(spec, catalog), infraOnly, totalsOnly);

    /// <summary>The spec's plans, with a plan Berth cannot make reported as bad input (<see cref="CostingException"/>).</summary>
    public static PlanSet Plan(BerthSpec spec, PriceCatalog catalog) => Guard(() => Planner.For(spec, catalog));

    /// <summary>Prices plans already made (what the other views of the same spec read).</summary>
    public static CostReport Estimate(PlanSet plans, bool infraOnly = false, bool totalsOnly = false)
    {
        var context = new CostContext(plans, infraOnly, totalsOnly);
        var options = Builders.Select(b => b.Build(context)).OfType<CostOption>().ToArray();
        var catalog = plans.Prices.Catalog;
        return new CostReport("USD", plans.Spec.Pricing.HoursPerMonth, plans.Spec.Region, catalog.AsOf, catalog.Origin, options)
        {
            PriceNotes = PriceNotes(catalog, plans.Spec.Region, options),
        };
    }

    /// <summary>
    /// Said plainly under every cost view: how many infrastructure lines rest on estimates, and — outside the
    /// reference region — what the region's estimates are scaled by and how old that ratio is.
    /// </summary>
    private static string[] PriceNotes(PriceCatalog catalog, string region, IReadOnlyList<CostOption> options)
    {
        var lines = options.SelectMany(o => o.LineItems).Where(l => l.Kind == LineItemKind.Infrastructure && l.Price is not null).ToArray();
        var estimated = lines.Count(l => l.Price!.Basis is PriceBasis.Estimate or PriceBasis.StaleCatalogRow);
        if (estimated == 0)
        {
            return [];
        }

        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{estimated} of {lines.Length} priced lines rest on estimates, not current {region} catalog rows (each line's basis is in --format json)."),
        };
        if (region != catalog.ReferenceRegion)
        {
            var ratio = catalog.Ec2Ratio(region);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Prices in {region} without a current row are {catalog.ReferenceRegion}'s × {ratio.Ratio:0.0000}: {ratio.Basis}. Check them against the AWS price list before committing to a figure."));
        }

        return [.. notes];
    }

    /// <summary>The catalog a spec names: the embedded one, or a file relative to the spec.</summary>
    public static PriceCatalog CatalogFor(BerthSpec spec) => PriceCatalog.For(spec);

    private static T Guard<T>(Func<T> plan)
    {
        try
        {
            return plan();
        }
        catch (PlanningException e)
        {
            throw new CostingException(e.Message, e);
        }
    }
}
