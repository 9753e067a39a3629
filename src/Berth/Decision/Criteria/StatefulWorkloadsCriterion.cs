using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 q5: stateful workloads → EKS (StatefulSets, EBS CSI, PersistentVolumes); Fargate has EFS only.</summary>
public sealed class StatefulWorkloadsCriterion : ICriterion
{
    public string Id => "stateful-workloads";

    public Reason Evaluate(BerthSpec spec) => spec.Requirements.StatefulWorkloads
        ? Reason.Eks(Id, 4, "Stateful workloads required (statefulWorkloads: true): EKS offers StatefulSets with EBS CSI, EFS and FSx volumes, ECS Fargate only EFS.")
        : Reason.Neutral(Id, "No stateful workloads (statefulWorkloads: false): stateless services run equally well on both platforms.");
}
