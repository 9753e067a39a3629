using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q5, re-weighed with DOMAIN §6: since January 2024 a Fargate task can attach one EBS volume, configured
/// at deployment (<c>configuredAtLaunch</c>; docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html),
/// besides EFS, so single-task state runs on ECS. StatefulSets still give each replica a stable identity and its own
/// volume that follows it, which replicated stores need: EKS keeps the edge, by 3 rather than 4 now that ECS is no
/// longer limited to EFS.
/// </summary>
public sealed class StatefulWorkloadsCriterion : ICriterion
{
    public const int Weight = 3;

    public string Id => "stateful-workloads";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.StatefulWorkloads
        ? Reason.Eks(Id, Weight, "Stateful workloads required (statefulWorkloads: true): ECS Fargate attaches one EBS volume per task (since January 2024) or EFS, enough for single-task state; EKS StatefulSets give each replica a stable identity and its own EBS, EFS or FSx volume.")
        : Reason.Neutral(Id, "No stateful workloads (statefulWorkloads: false): stateless services run equally well on both platforms.");
}
