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
        return new CostReport("USD", plans.Spec.Pricing.HoursPerMonth, plans.Spec.Region, catalog.AsOf, catalog.Origin, options);
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
