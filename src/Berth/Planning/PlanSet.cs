using Berth.Catalog;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>Every option's plan for one spec, in output order, with the prices they were planned at.</summary>
public sealed record PlanSet(BerthSpec Spec, PriceBook Prices, IReadOnlyList<OptionPlan> Options)
{
    public T? Find<T>()
        where T : OptionPlan => Options.OfType<T>().FirstOrDefault();

    public OptionPlan? Find(string id) => Options.FirstOrDefault(o => o.Id == id);
}

/// <summary>Plans every option the spec allows: ECS on Fargate always, EKS with Karpenter when it is on, EKS with the
/// spec's managed node groups when it names some, and EKS on Fargate always.</summary>
public static class Planner
{
    /// <param name="spec">The spec to plan.</param>
    /// <param name="catalog">Its catalog.</param>
    /// <param name="resizeNodeGroups">Raise the node groups' counts to hold the peak (same instance types) rather than
    /// keep berth.yaml's: what a sweep over the number of services needs, and it says so in the plan's notes.</param>
    public static PlanSet For(BerthSpec spec, PriceCatalog catalog, bool resizeNodeGroups = false)
    {
        var prices = new PriceBook(catalog, spec.Pricing, spec.Region);
        var options = new List<OptionPlan> { EcsFargatePlanner.Plan(spec, prices) };
        if (spec.Eks.Karpenter.Enabled)
        {
            options.Add(KarpenterPlanner.Plan(spec, prices));
        }

        if (spec.Eks.NodeGroups.Count > 0)
        {
            options.Add(resizeNodeGroups ? NodeGroupsPlanner.ResizedToPeak(spec, prices) : NodeGroupsPlanner.Plan(spec, prices));
        }

        options.Add(EksFargatePlanner.Plan(spec, prices));
        return new PlanSet(spec, prices, options.OrderBy(o => o.Order).ToArray());
    }

    /// <summary>One platform instance (cluster) per client; one when there are no clients.</summary>
    public static int Clusters(BerthSpec spec) => Math.Max(1, spec.Clients.Count);
}
