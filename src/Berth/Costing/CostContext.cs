using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>What every cost option is priced from: the plans, and what the caller wants of the figures.</summary>
/// <param name="Plans">Every option's plan for the spec, with the prices they were planned at.</param>
/// <param name="InfraOnly">Leave engineering time out.</param>
/// <param name="TotalsOnly">Only the totals matter (crossover sweeps): skip figures that cost extra work, such as Berth-mode packing.</param>
public sealed record CostContext(PlanSet Plans, bool InfraOnly, bool TotalsOnly = false)
{
    public BerthSpec Spec => Plans.Spec;

    public PriceBook Prices => Plans.Prices;

    /// <summary>One platform instance (cluster) per client; one when there are no clients.</summary>
    public int Clusters => Planner.Clusters(Spec);

    public decimal Hours => Spec.Pricing.HoursPerMonth;

    public string ClusterSuffix => Clusters == 1 ? "" : $" ({Clusters} clients)";
}

/// <summary>Prices one option's plan. Builders are found by reflection, one per file in Costing/Options.</summary>
public interface ICostOptionBuilder
{
    string Id { get; }

    /// <summary>Where the option appears in outputs (lower first).</summary>
    int Order { get; }

    /// <summary>The priced option, or null when the spec does not ask for it (no plan of this option).</summary>
    CostOption? Build(CostContext c);
}

/// <summary>A price Berth cannot find: bad input, exit 2.</summary>
public sealed class CostingException : Exception
{
    public CostingException()
    {
    }

    public CostingException(string message)
        : base(message)
    {
    }

    public CostingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
