using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §1 (ecosystem): CRD-based operators need a Kubernetes API; ECS Fargate cannot run them.
/// The weight exceeds every ECS-favouring weight combined.
/// </summary>
public sealed class OperatorsCriterion : ICriterion
{
    public const int Weight = 18;

    public string Id => "operators";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var operators = spec.Requirements.Operators;
        return operators.Count > 0
            ? Reason.Eks(Id, Weight, Invariant(
                $"Kubernetes operators required ({SpecFacts.QuoteNames(operators)}): CRD-based operators need EKS, ECS Fargate cannot run them."))
            : Reason.Neutral(Id, "No Kubernetes operators required (operators: []): AWS services cover the ecosystem needs on both platforms.");
    }
}
