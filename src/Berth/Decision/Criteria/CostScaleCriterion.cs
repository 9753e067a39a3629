using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q9, argued from this spec's computed costs rather than the pod-count rule of thumb (under ~20 pods
/// ECS, over ~50 EKS + Karpenter), which the priced plans often contradict: per-task Fargate sizing, the control
/// plane, Karpenter's packing and Spot are all in the figures. The comparison is by total monthly cost (infrastructure
/// plus engineering time), the order the cost summary ranks options in, so the reason never argues against the
/// table printed under it; the infrastructure figures are quoted too, since DOMAIN §2 notes EKS can win on
/// infrastructure alone while engineering time is the larger cost.
/// </summary>
public sealed class CostScaleCriterion : ICriterion
{
    public const int Weight = 2;

    public string Id => "cost-scale";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        if (spec.Services.Count == 0)
        {
            return Reason.Neutral(Id, "No services declared: there is no workload to cost.");
        }

        if (costs is null)
        {
            return Reason.Neutral(Id, "Costs were not computed for this assessment, so cost does not bear on it.");
        }

        var ecs = CostFacts.Cheapest(costs, CostFacts.Ecs);
        var eks = CostFacts.Cheapest(costs, CostFacts.Eks);
        switch (ecs, eks)
        {
            case (null, null):
                return Reason.Neutral(Id, "No priced option can run this workload as specified (the cost summary says why), so cost cannot decide.");
            case (null, { } onlyEks):
                return Reason.Eks(Id, Weight, Invariant(
                    $"Only EKS can run this workload as priced: {onlyEks.Id} at {CostFacts.Usd(onlyEks.MonthlyUsd)} a month, while no ECS option can (the cost summary says why)."));
            case ({ } onlyEcs, null):
                return Reason.Ecs(Id, Weight, Invariant(
                    $"Only ECS can run this workload as priced: {onlyEcs.Id} at {CostFacts.Usd(onlyEcs.MonthlyUsd)} a month, while no EKS option can (the cost summary says why)."));
        }

        var e = ecs!;
        var k = eks!;
        var figures = Invariant(
            $"Computed for this spec: {k.Id} {CostFacts.Usd(k.MonthlyUsd)} vs {e.Id} {CostFacts.Usd(e.MonthlyUsd)} a month with engineering time ({CostFacts.Usd(k.InfrastructureUsd)} vs {CostFacts.Usd(e.InfrastructureUsd)} infrastructure)");
        if (CostFacts.Tie(e.MonthlyUsd, k.MonthlyUsd))
        {
            return Reason.Neutral(Id, Invariant($"{figures}: within {CostFacts.TiePercent}% of each other, so cost does not decide."));
        }

        var (cheaper, dearer, favoursEks) = k.MonthlyUsd < e.MonthlyUsd ? (k, e, true) : (e, k, false);
        var text = Invariant($"{figures}: {cheaper.Id} is cheaper by {CostFacts.Usd(dearer.MonthlyUsd - cheaper.MonthlyUsd)} a month");
        text += cheaper.InfrastructureUsd > dearer.InfrastructureUsd
            ? Invariant($", though {dearer.Id}'s infrastructure is cheaper: engineering time outweighs it.")
            : ".";
        return favoursEks ? Reason.Eks(Id, Weight, text) : Reason.Ecs(Id, Weight, text);
    }
}
