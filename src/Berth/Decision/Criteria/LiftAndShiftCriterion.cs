using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 q6: migrating quickly from on-premises → ECS Fargate (lower barrier).</summary>
public sealed class LiftAndShiftCriterion : ICriterion
{
    public string Id => "lift-and-shift";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.LiftAndShift
        ? Reason.Ecs(Id, 3, "Lift-and-shift migration (liftAndShift: true): ECS Fargate's lower barrier moves on-premises containers across fastest.")
        : Reason.Neutral(Id, "Not a lift-and-shift migration (liftAndShift: false): no pressure to take the lowest-barrier path.");
}
