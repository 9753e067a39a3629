using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 cost crossover: Spot-heavy fleets at scale → EKS + Karpenter (better interruption handling and
/// instance diversification). Small Spot fleets are well served by FARGATE_SPOT.
/// </summary>
public sealed class SpotAtScaleCriterion : ICriterion
{
    public string Id => "spot-at-scale";

    public Reason Evaluate(BerthSpec spec)
    {
        var pods = SpecFacts.TotalPods(spec);
        var spot = SpecFacts.SpotPods(spec);
        var quoted = Invariant($"{SpecFacts.FormatPods(spot)} of about {SpecFacts.FormatPods(pods)} pods on Spot");
        if (spot * 2 <= pods || pods == 0)
        {
            return Reason.Neutral(Id, Invariant($"{quoted}: not Spot-heavy, so interruption handling does not decide."));
        }

        return pods >= CostScaleCriterion.SmallBelowPods
            ? Reason.Eks(Id, 2, Invariant(
                $"{quoted}: at this scale Karpenter diversifies Spot instance types and handles interruptions better than FARGATE_SPOT."))
            : Reason.Neutral(Id, Invariant(
                $"{quoted}: a Spot fleet this small is well served by FARGATE_SPOT."));
    }
}
