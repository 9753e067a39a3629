using Berth.Decision;
using Berth.Decision.Criteria;
using Berth.Spec;

namespace Berth.Tests.Decision.Criteria;

public class KubernetesExpertiseCriterionTests
{
    private readonly KubernetesExpertiseCriterion _criterion = new();

    [Fact]
    public void Strong_expertise_favours_eks()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithTeam(expertise: KubernetesExpertise.Strong, timelineMonths: 2).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldStartWith("Strong Kubernetes expertise");
    }

    [Fact]
    public void Some_expertise_favours_eks_mildly()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithTeam(expertise: KubernetesExpertise.Some).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(1);
        reason.Text.ShouldStartWith("Some Kubernetes expertise");
    }

    [Fact]
    public void No_expertise_and_a_short_timeline_favours_ecs_strongly()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithTeam(engineers: 3, expertise: KubernetesExpertise.None, timelineMonths: 2).Build());

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(5);
        reason.Text.ShouldBe("Team of 3 engineers with no Kubernetes expertise and a 2-month timeline: ECS Fargate ships in days, EKS takes weeks.");
    }

    [Fact]
    public void No_expertise_and_a_medium_timeline_favours_ecs()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithTeam(expertise: KubernetesExpertise.None, timelineMonths: 4).Build());

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldContain("4-month timeline");
    }

    [Fact]
    public void No_expertise_with_a_long_timeline_on_a_platform_at_scale_favours_eks_mildly()
    {
        var spec = SpecBuilder.Default.WithServices(30).WithTeam(expertise: KubernetesExpertise.None, owningTeams: 3, timelineMonths: 9).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(1);
        reason.Text.ShouldContain("9-month timeline for 30 services across 3 owning teams");
    }

    [Fact]
    public void No_expertise_with_a_long_timeline_on_a_small_platform_favours_ecs()
    {
        var spec = SpecBuilder.Default.WithServices(6).WithTeam(expertise: KubernetesExpertise.None, owningTeams: 1, timelineMonths: 12).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(2);
        reason.Text.ShouldContain("6 services across 1 owning team");
        reason.Text.ShouldContain("12 months");
    }
}
