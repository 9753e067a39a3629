using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class TeamSizeCriterionTests
{
    private readonly TeamSizeCriterion _criterion = new();

    [Theory]
    [InlineData(1, "Team of 1 engineer:")]
    [InlineData(3, "Team of 3 engineers:")]
    [InlineData(4, "Team of 4 engineers:")]
    public void A_team_under_five_favours_ecs(int engineers, string quoted)
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithTeam(engineers: engineers).Build());

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldStartWith(quoted);
        reason.Text.ShouldContain("40% of its time on cluster upgrades");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void A_team_of_five_or_more_is_neutral(int engineers)
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithTeam(engineers: engineers).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
        reason.Text.ShouldStartWith($"Team of {engineers} engineers");
    }
}
