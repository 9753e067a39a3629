using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 q7: a service mesh with mTLS → EKS (Istio, Linkerd); ECS has only a limited App Mesh.</summary>
public sealed class ServiceMeshCriterion : ICriterion
{
    public string Id => "service-mesh";

    public Reason Evaluate(BerthSpec spec) => spec.Requirements.ServiceMesh
        ? Reason.Eks(Id, 3, "Service mesh with mTLS required (serviceMesh: true): EKS runs Istio or Linkerd, ECS offers only a limited App Mesh.")
        : Reason.Neutral(Id, "No service mesh required (serviceMesh: false): security groups and ALBs secure traffic on both platforms.");
}
