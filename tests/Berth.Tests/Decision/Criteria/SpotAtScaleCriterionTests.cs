using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class SpotAtScaleCriterionTests
{
    private readonly SpotAtScaleCriterion _criterion = new();

    [Fact]
    public void A_spot_heavy_fleet_at_scale_favours_eks()
    {
        var spec = SpecBuilder.Default.WithServices(10, replicas: 3, spot: true).AddService(SpecBuilder.Service("api", replicas: 4)).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(2);
        reason.Text.ShouldStartWith("30 of about 34 pods on Spot");
    }

    [Fact]
    public void A_small_spot_fleet_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(4, replicas: 2, spot: true).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
        reason.Text.ShouldContain("8 of about 8 pods on Spot");
        reason.Text.ShouldContain("FARGATE_SPOT");
    }

    [Fact]
    public void A_mostly_on_demand_fleet_is_neutral()
    {
        var spec = SpecBuilder.Default.WithServices(30, replicas: 2).AddService(SpecBuilder.Service("batch", replicas: 10, spot: true)).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Text.ShouldStartWith("10 of about 70 pods on Spot");
    }
}
