using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 rule of thumb: a team smaller than 5 engineers pays EKS's complexity tax (cluster upgrades, kubelet
/// debugging, Helm charts) without the benefit. The text speaks of this team, not the guide's example team; with
/// costs it quotes Berth's estimate of the platform work each option takes (the engineering-time lines).
/// </summary>
public sealed class TeamSizeCriterion : ICriterion
{
    public const int SmallTeamBelow = 5;

    public string Id => "team-size";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var engineers = spec.Team.Engineers;
        var team = SpecFacts.Count(engineers, "engineer", "engineers");
        if (engineers >= SmallTeamBelow)
        {
            return Reason.Neutral(Id, Invariant(
                $"Team of {team}: large enough to absorb a Kubernetes platform's upgrade and maintenance overhead."));
        }

        var text = Invariant(
            $"Team of {team}: too small to carry a Kubernetes platform; cluster upgrades, kubelet debugging and Helm charts would take time from product work, EKS's complexity tax without the benefit");
        if (costs is not null
            && CostFacts.Cheapest(costs, CostFacts.Eks) is { } eks
            && CostFacts.Cheapest(costs, CostFacts.Ecs) is { } ecs)
        {
            text += Invariant(
                $" (Berth estimates about {Hours(eks)} engineer-hours a month for {eks.Id} vs {Hours(ecs)} for {ecs.Id})");
        }

        return Reason.Ecs(Id, 3, text + ".");
    }

    /// <summary>The option's engineering-time lines in whole hours: the estimate is not precise to the minute.</summary>
    internal static decimal Hours(CostOption option) =>
        Math.Round(option.LineItems.Where(l => l.Kind == LineItemKind.EngineeringTime).Sum(l => l.Quantity), MidpointRounding.AwayFromZero);
}
