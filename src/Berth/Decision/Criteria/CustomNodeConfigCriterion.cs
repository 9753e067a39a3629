using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q8: custom kernel or node configuration is impossible on Fargate (no nodes) and routine with an
/// EKS EC2NodeClass. The weight exceeds every ECS-favouring weight combined.
/// </summary>
public sealed class CustomNodeConfigCriterion : ICriterion
{
    public const int Weight = 19;

    public string Id => "custom-node-config";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.CustomNodeConfig
        ? Reason.Eks(Id, Weight, "Custom node configuration required (customNodeConfig: true): ECS Fargate has no nodes to configure, EKS customises them through an EC2NodeClass.")
        : Reason.Neutral(Id, "No custom node configuration (customNodeConfig: false): Fargate's managed hosts are enough.");
}
