using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q1 and the cost crossover: 1–10 services → ECS Fargate, 10–25 a toss-up, 25+ → EKS. The reason argues
/// operations only; whether Karpenter's packing outweighs the control-plane fee is cost-scale's, from the priced plans.
/// </summary>
public sealed class ServiceCountCriterion : ICriterion
{
    public const int SmallMax = 10;
    public const int LargeMin = 25;
    public const int Weight = 3;

    public string Id => "service-count";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var n = spec.Services.Count;
        var services = SpecFacts.Count(n, "service", "services");
        return n switch
        {
            0 => Reason.Neutral(Id, "No services declared: the service count does not bear on the choice."),
            <= SmallMax => Reason.Ecs(Id, Weight, Invariant(
                $"{services}: at 1–{SmallMax} services ECS Fargate runs them with less complexity and operational overhead.")),
            < LargeMin => Reason.Neutral(Id, Invariant(
                $"{services}: between {SmallMax} and {LargeMin} services it is a toss-up that team skills and GitOps decide.")),
            _ => Reason.Eks(Id, Weight, Invariant(
                $"{services}: at {LargeMin}+ services namespace isolation and shared Kubernetes tooling (Helm, HPA, GitOps) repay EKS's operational overhead; cost-scale weighs the priced plans.")),
        };
    }
}
