using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 q1: 10+ services with several owning teams → EKS (namespaces, RBAC, GitOps per team).</summary>
public sealed class OwningTeamsCriterion : ICriterion
{
    public string Id => "owning-teams";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var teams = spec.Team.OwningTeams;
        var services = SpecFacts.Count(spec.Services.Count, "service", "services");
        if (teams <= 1)
        {
            return Reason.Neutral(Id, Invariant(
                $"{services} owned by {SpecFacts.Count(teams, "team", "teams")}: there are no team boundaries for namespaces and RBAC to draw."));
        }

        if (spec.Services.Count <= ServiceCountCriterion.SmallMax)
        {
            return Reason.Eks(Id, 1, Invariant(
                $"{services} across {teams} owning teams: namespaces help separate them, but at this size they barely repay EKS."));
        }

        return teams >= 3
            ? Reason.Eks(Id, 3, Invariant(
                $"{services} across {teams} owning teams: namespace isolation, RBAC and GitOps repay EKS's investment."))
            : Reason.Eks(Id, 1, Invariant(
                $"{services} across {teams} owning teams: namespaces and RBAC start to pay off, though two teams can also share ECS."));
    }
}
