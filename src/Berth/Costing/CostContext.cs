using Berth.Catalog;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>What every cost option is priced from.</summary>
/// <param name="Spec">The spec to price.</param>
/// <param name="Prices">The catalog's prices with the spec's overrides.</param>
/// <param name="InfraOnly">Leave engineering time out.</param>
/// <param name="TotalsOnly">Only the totals matter (crossover sweeps): skip figures that cost extra work, such as Berth-mode packing.</param>
public sealed record CostContext(BerthSpec Spec, PriceBook Prices, bool InfraOnly, bool TotalsOnly = false)
{
    /// <summary>One platform instance (cluster) per client; one when there are no clients.</summary>
    public int Clusters => Math.Max(1, Spec.Clients.Count);

    public decimal Hours => Spec.Pricing.HoursPerMonth;

    public string ClusterSuffix => Clusters == 1 ? "" : $" ({Clusters} clients)";
}

/// <summary>One way of running the workload. Builders are found by reflection, one per file in Costing/Options.</summary>
public interface ICostOptionBuilder
{
    string Id { get; }

    /// <summary>Where the option appears in outputs (lower first).</summary>
    int Order { get; }

    /// <summary>The priced option, or null when the spec does not ask for it (e.g. no node groups).</summary>
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
