using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §1: ECS isolates tenants per service; EKS isolates them per namespace with RBAC.</summary>
public sealed class MultiTenancyCriterion : ICriterion
{
    public string Id => "multi-tenancy";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.MultiTenancy switch
    {
        MultiTenancy.Namespace => Reason.Eks(Id, 3,
            "Namespace-level multi-tenancy (multiTenancy: namespace): EKS isolates tenants with namespaces, RBAC and quotas."),
        MultiTenancy.Service => Reason.Ecs(Id, 1,
            "Service-level multi-tenancy (multiTenancy: service): an ECS service per tenant, each with its own security group, is enough."),
        _ => Reason.Neutral(Id, "No multi-tenancy (multiTenancy: none): tenant isolation does not bear on the choice."),
    };
}
