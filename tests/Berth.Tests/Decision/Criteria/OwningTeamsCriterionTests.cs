using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class OwningTeamsCriterionTests
{
    private readonly OwningTeamsCriterion _criterion = new();

    [Fact]
    public void Several_teams_on_many_services_favour_eks_strongly()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(33).WithTeam(owningTeams: 4).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldBe("33 services across 4 owning teams: namespace isolation, RBAC and GitOps repay EKS's investment.");
    }

    [Fact]
    public void Two_teams_favour_eks_mildly()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(15).WithTeam(owningTeams: 2).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(1);
        reason.Text.ShouldContain("15 services across 2 owning teams");
    }

    [Fact]
    public void Several_teams_on_few_services_favour_eks_mildly()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(6).WithTeam(owningTeams: 3).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(1);
        reason.Text.ShouldContain("6 services across 3 owning teams");
    }

    [Fact]
    public void One_team_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(30).WithTeam(owningTeams: 1).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
        reason.Text.ShouldContain("30 services owned by 1 team");
    }
}
