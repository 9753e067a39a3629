using Berth.Catalog;
using Berth.Formatting;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>Line items shared by several options.</summary>
public static class LineItems
{
    public const string EngineeringNote = "estimate: Berth's engineering-time model (docs/cost-model.md)";

    public static LineItem ControlPlane(CostContext c)
    {
        var q = c.Prices.ControlPlane(c.Spec.Eks.SupportTier);
        var tier = SpecEnums.SupportTier.NameOf(c.Spec.Eks.SupportTier);
        return LineItem.Create($"EKS control plane, {tier} support{c.ClusterSuffix}", c.Hours * c.Clusters, "cluster-hour",
            q.UsdPerHour, "control plane", price: q);
    }

    public static IEnumerable<LineItem> Engineering(CostContext c, IEnumerable<EngineeringTask> tasks) =>
        c.InfraOnly
            ? []
            : tasks.Select(t => LineItem.Create("Engineering time: " + t.Description, t.HoursPerMonth, "engineer-hour",
                c.Spec.Team.HourlyRateUsd, "engineering time", LineItemKind.EngineeringTime, estimated: true,
                note: t.Description == EngineeringTime.OverrideDescription ? "estimate: from berth.yaml pricing.engineeringHoursPerMonth" : EngineeringNote));

    /// <summary>The Compute Savings Plan applies to on-demand Fargate and EC2 usage, never to Spot.</summary>
    public static IEnumerable<LineItem> SavingsPlan(CostContext c, IReadOnlyList<LineItem> onDemandLines)
    {
        var d = c.Prices.SavingsPlan;
        var covered = onDemandLines.Sum(l => l.MonthlyUsd);
        if (d <= 0 || covered <= 0)
        {
            return [];
        }

        return [LineItem.Create($"Compute Savings Plan discount ({Fmt.Percent(d)}) on on-demand compute", covered, "USD", -d, "discount",
            note: "discount: berth.yaml pricing.discounts.computeSavingsPlan")];
    }

    /// <summary>
    /// The quote for a unit price made of several (a Fargate task-hour from the vCPU and memory rates): that price,
    /// with the weakest basis, every distinct source, the oldest date and the first note of its parts.
    /// </summary>
    public static PriceQuote Combined(decimal usdPerHour, params PriceQuote[] quotes)
    {
        var basis = quotes.Max(q => q.Basis);
        var sources = string.Join("; ", quotes.Select(q => q.Source).Distinct(StringComparer.Ordinal));
        var asOf = quotes.Select(q => q.AsOf).Aggregate(PriceQuote.Oldest);
        return new PriceQuote(usdPerHour, sources, asOf, quotes.Any(q => q.Estimated),
            quotes.Select(q => q.Note).FirstOrDefault(n => n is not null))
        { Basis = basis };
    }
}
