using Berth.Decision;
using Berth.Decision.Criteria;
using Berth.Spec;

namespace Berth.Tests.Decision.Criteria;

public class CostScaleCriterionTests
{
    private readonly CostScaleCriterion _criterion = new();

    [Fact]
    public void Few_pods_favour_ecs()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(5, replicas: 2).Build());

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(2);
        reason.Text.ShouldStartWith("About 10 pods");
        reason.Text.ShouldContain("$73/month");
    }

    [Fact]
    public void Many_pods_favour_eks()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(20, replicas: 3).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(2);
        reason.Text.ShouldStartWith("About 60 pods");
        reason.Text.ShouldContain("Karpenter");
    }

    [Fact]
    public void Between_twenty_and_fifty_pods_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(10, replicas: 3).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
        reason.Text.ShouldStartWith("About 30 pods");
    }

    [Fact]
    public void Autoscaled_services_count_the_midpoint_of_their_bounds()
    {
        var spec = SpecBuilder.Default
            .WithServices(SpecBuilder.Service("web", replicas: null, scaling: new ScalingSpec(2, 9, 70, 75)))
            .Build();

        _criterion.Evaluate(spec).Text.ShouldStartWith("About 5.5 pods");
    }
}
