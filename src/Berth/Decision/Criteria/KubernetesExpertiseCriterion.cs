using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q2: expertise → EKS uses it; none with a timeline under 3 months → ECS Fargate;
/// none with 6+ months on a platform at scale → investing in EKS skills pays off.
/// </summary>
public sealed class KubernetesExpertiseCriterion : ICriterion
{
    public const int ShortTimelineMonths = 3;
    public const int LongTimelineMonths = 6;

    public string Id => "kubernetes-expertise";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var team = spec.Team;
        var months = team.TimelineMonths;
        switch (team.KubernetesExpertise)
        {
            case KubernetesExpertise.Strong:
                return Reason.Eks(Id, 3,
                    "Strong Kubernetes expertise (kubernetesExpertise: strong): EKS puts the team's existing skills to work from day one.");
            case KubernetesExpertise.Some:
                return Reason.Eks(Id, 1,
                    "Some Kubernetes expertise (kubernetesExpertise: some): a base to grow EKS skills on, though not a reason by itself.");
        }

        var engineers = SpecFacts.Count(team.Engineers, "engineer", "engineers");
        if (months < ShortTimelineMonths)
        {
            return Reason.Ecs(Id, 5, Invariant(
                $"Team of {engineers} with no Kubernetes expertise and a {months}-month timeline: ECS Fargate ships in days, EKS takes weeks."));
        }

        if (months < LongTimelineMonths)
        {
            return Reason.Ecs(Id, 3, Invariant(
                $"No Kubernetes expertise and a {months}-month timeline: learning EKS would consume much of it."));
        }

        var services = SpecFacts.Count(spec.Services.Count, "service", "services");
        var teams = SpecFacts.Count(team.OwningTeams, "owning team", "owning teams");
        if (AtScale(spec))
        {
            return Reason.Eks(Id, 1, Invariant(
                $"No Kubernetes expertise but a {months}-month timeline for {services} across {teams}: investing in EKS skills pays off at scale."));
        }

        return Reason.Ecs(Id, 2, Invariant(
            $"No Kubernetes expertise and {services} across {teams}: EKS's learning curve buys little at this size, even in {months} months."));
    }

    /// <summary>A platform big enough for Kubernetes skills to pay back: 25+ services or 3+ owning teams.</summary>
    private static bool AtScale(BerthSpec spec) =>
        spec.Services.Count >= ServiceCountCriterion.LargeMin || spec.Team.OwningTeams >= 3;
}
