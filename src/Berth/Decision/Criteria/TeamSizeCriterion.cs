using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 rule of thumb: a team smaller than 5 engineers pays EKS's complexity tax without the benefit.</summary>
public sealed class TeamSizeCriterion : ICriterion
{
    public const int SmallTeamBelow = 5;

    public string Id => "team-size";

    public Reason Evaluate(BerthSpec spec)
    {
        var engineers = spec.Team.Engineers;
        var team = SpecFacts.Count(engineers, "engineer", "engineers");
        return engineers < SmallTeamBelow
            ? Reason.Ecs(Id, 3, Invariant(
                $"Team of {team}: too small to carry a Kubernetes platform; a team of 3 spending 40% of its time on cluster upgrades, kubelet debugging and Helm charts pays EKS's complexity tax without the benefit."))
            : Reason.Neutral(Id, Invariant(
                $"Team of {team}: large enough to absorb a Kubernetes platform's upgrade and maintenance overhead."));
    }
}
