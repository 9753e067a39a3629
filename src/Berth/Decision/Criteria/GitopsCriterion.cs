using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 q3: GitOps is native on EKS (ArgoCD, Flux); on ECS it needs significant custom tooling.</summary>
public sealed class GitopsCriterion : ICriterion
{
    public string Id => "gitops";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null) => spec.Requirements.Gitops
        ? Reason.Eks(Id, 3, "GitOps required (gitops: true): ArgoCD and Flux pull from Git natively on EKS; on ECS it needs significant custom tooling.")
        : Reason.Neutral(Id, "GitOps not required (gitops: false): pipelines that push changes work on both platforms.");
}
