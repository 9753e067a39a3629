using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class ServiceCountCriterionTests
{
    private readonly ServiceCountCriterion _criterion = new();

    [Theory]
    [InlineData(1, Favours.EcsFargate)]
    [InlineData(5, Favours.EcsFargate)]
    [InlineData(10, Favours.EcsFargate)]
    [InlineData(11, Favours.Neutral)]
    [InlineData(15, Favours.Neutral)]
    [InlineData(24, Favours.Neutral)]
    [InlineData(25, Favours.Eks)]
    [InlineData(33, Favours.Eks)]
    public void Favours_ecs_for_few_services_and_eks_for_many(int services, Favours expected)
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(services).Build());

        reason.Favours.ShouldBe(expected);
        reason.Weight.ShouldBe(expected == Favours.Neutral ? 0 : 3);
        reason.Text.ShouldStartWith($"{services} service");
    }

    [Fact]
    public void No_services_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(0).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
