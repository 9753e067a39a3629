using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q7 with DOMAIN §6: AWS App Mesh was discontinued on 2026-09-30 (no new customers since 2024-09-24;
/// aws.amazon.com/blogs/containers/migrating-from-aws-app-mesh-to-amazon-ecs-service-connect/). ECS's path is Service
/// Connect, whose managed proxy encrypts traffic between services with TLS from AWS Private CA
/// (docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html) but has no full mesh features
/// (mutual authentication policies, traffic splitting, fault injection). A mesh requirement still favours EKS (Istio,
/// Linkerd, VPC Lattice) by the same weight: the fact changed what ECS offers, not the answer.
/// </summary>
public sealed class ServiceMeshCriterion : ICriterion
{
    public const int Weight = 3;

    public string Id => "service-mesh";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.ServiceMesh
        ? Reason.Eks(Id, Weight, "Service mesh with mTLS required (serviceMesh: true): AWS App Mesh was discontinued on 2026-09-30 and ECS Service Connect gives TLS between services but no full mesh; EKS runs Istio, Linkerd or VPC Lattice.")
        : Reason.Neutral(Id, "No service mesh required (serviceMesh: false): security groups and ALBs secure traffic on both platforms, and ECS Service Connect adds TLS between services if needed.");
}
