using Berth.Costing;
using Berth.Costing.Options;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 cost crossover: Spot-heavy fleets at scale → EKS + Karpenter (instance diversification, interruption
/// handling, Spot nodes packed tight). Whether Spot really makes Karpenter cheaper is read from this spec's priced
/// plans: eks-karpenter's infrastructure against ecs-fargate's (whose Spot share runs on FARGATE_SPOT); when Karpenter
/// costs more the criterion says so and stays neutral. Small Spot fleets are well served by FARGATE_SPOT.
/// </summary>
public sealed class SpotAtScaleCriterion : ICriterion
{
    /// <summary>Below this many pods a Spot fleet is small enough for FARGATE_SPOT (DOMAIN §2 q9's ~20 pods).</summary>
    public const double AtScalePods = 20;

    public const int Weight = 2;

    public string Id => "spot-at-scale";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var pods = SpecFacts.TotalPods(spec);
        var spot = SpecFacts.SpotPods(spec);
        var quoted = Invariant($"{SpecFacts.FormatPods(spot)} of about {SpecFacts.FormatPods(pods)} pods on Spot");
        if (spot * 2 <= pods || pods == 0)
        {
            return Reason.Neutral(Id, Invariant($"{quoted}: not Spot-heavy, so interruption handling does not decide."));
        }

        if (pods < AtScalePods)
        {
            return Reason.Neutral(Id, Invariant($"{quoted}: a Spot fleet this small is well served by FARGATE_SPOT."));
        }

        if (costs is null)
        {
            return Reason.Neutral(Id, Invariant($"{quoted}: costs were not computed, so whether Spot makes Karpenter cheaper is not known here."));
        }

        var karpenter = CostFacts.Feasible(costs, EksKarpenterOption.OptionId);
        var fargate = CostFacts.Feasible(costs, EcsFargateOption.OptionId);
        if (karpenter is null || fargate is null)
        {
            var missing = karpenter is null ? EksKarpenterOption.OptionId : EcsFargateOption.OptionId;
            return Reason.Neutral(Id, Invariant($"{quoted}: {missing} cannot run this workload as priced, so there is no Spot comparison to make."));
        }

        var figures = Invariant(
            $"{EksKarpenterOption.OptionId}'s infrastructure is {CostFacts.Usd(karpenter.InfrastructureUsd)} vs {EcsFargateOption.OptionId}'s {CostFacts.Usd(fargate.InfrastructureUsd)} a month");
        return karpenter.InfrastructureUsd <= fargate.InfrastructureUsd
            ? Reason.Eks(Id, Weight, Invariant(
                $"{quoted}: Karpenter diversifies Spot instance types and handles interruptions better than FARGATE_SPOT, and for this spec {figures}."))
            : Reason.Neutral(Id, Invariant(
                $"{quoted}: Karpenter would diversify Spot instance types, but for this spec {figures}, so Spot does not make EKS cheaper."));
    }
}
