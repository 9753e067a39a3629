using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §1 and §2 q9: under ~20 pods ECS Fargate avoids the $73/month control plane; over ~50 pods
/// Karpenter bin-packing with Spot makes EKS cheaper.
/// </summary>
public sealed class CostScaleCriterion : ICriterion
{
    public const double SmallBelowPods = 20;
    public const double LargeAbovePods = 50;

    public string Id => "cost-scale";

    public Reason Evaluate(BerthSpec spec)
    {
        var pods = SpecFacts.TotalPods(spec);
        var quoted = SpecFacts.FormatPods(pods);
        if (spec.Services.Count == 0)
        {
            return Reason.Neutral(Id, "No services declared: there is no workload to cost.");
        }

        if (pods < SmallBelowPods)
        {
            return Reason.Ecs(Id, 2, Invariant(
                $"About {quoted} pods in total: under ~20 pods ECS Fargate avoids EKS's $73/month control-plane fee."));
        }

        return pods > LargeAbovePods
            ? Reason.Eks(Id, 2, Invariant(
                $"About {quoted} pods in total: over ~50 pods Karpenter bin-packing on Spot makes EKS cheaper than per-task Fargate pricing."))
            : Reason.Neutral(Id, Invariant(
                $"About {quoted} pods in total: between ~20 and ~50 pods infrastructure cost is close on both platforms."));
    }
}
