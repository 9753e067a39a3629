using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q8: Fargate has no GPUs at all. The weight exceeds every ECS-favouring weight combined,
/// so a GPU requirement alone decides.
/// </summary>
public sealed class GpuCriterion : ICriterion
{
    public const int Weight = 20;

    public string Id => "gpu";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.Gpu
        ? Reason.Eks(Id, Weight, "GPU workloads required (gpu: true): ECS Fargate cannot run them at all, EKS schedules them on GPU node pools.")
        : Reason.Neutral(Id, "No GPU workloads (gpu: false): both platforms can run the services.");
}
