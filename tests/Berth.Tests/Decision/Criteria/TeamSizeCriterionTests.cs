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
        reason.Text.ShouldNotContain("a team of 3 spending 40%"); // the guide's example team, not this one
        reason.Text.ShouldContain("cluster upgrades, kubelet debugging and Helm charts");
    }

    [Fact]
    public void With_costs_it_quotes_the_engineering_hours_berth_estimated()
    {
        var spec = SpecBuilder.Default.WithServices(4).WithTeam(engineers: 4).Build();
        var costs = Priced.Costs(spec);
        var eks = costs.Ranked().First(o => o.Feasible && o.Platform == "eks");
        var ecs = costs.Ranked().First(o => o.Feasible && o.Platform == "ecs");
        static decimal Hours(Berth.Costing.CostOption o) => Math.Round(o.LineItems.Where(l => l.Kind == Berth.Costing.LineItemKind.EngineeringTime).Sum(l => l.Quantity), MidpointRounding.AwayFromZero);

        var reason = _criterion.Evaluate(spec, costs);

        reason.Text.ShouldEndWith($"(Berth estimates about {Hours(eks)} engineer-hours a month for {eks.Id} vs {Hours(ecs)} for ecs-fargate).");
        Hours(eks).ShouldBeGreaterThan(Hours(ecs));
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
