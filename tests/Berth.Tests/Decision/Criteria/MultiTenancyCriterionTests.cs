using Berth.Decision;
using Berth.Decision.Criteria;
using Berth.Spec;

namespace Berth.Tests.Decision.Criteria;

public class MultiTenancyCriterionTests
{
    private readonly MultiTenancyCriterion _criterion = new();

    [Theory]
    [InlineData(MultiTenancy.Namespace, Favours.Eks, 3, "multiTenancy: namespace")]
    [InlineData(MultiTenancy.Service, Favours.EcsFargate, 1, "multiTenancy: service")]
    [InlineData(MultiTenancy.None, Favours.Neutral, 0, "multiTenancy: none")]
    public void Namespace_favours_eks_and_service_favours_ecs(MultiTenancy tenancy, Favours expected, int weight, string quoted)
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithRequirements(r => r with { MultiTenancy = tenancy }).Build());

        reason.Favours.ShouldBe(expected);
        reason.Weight.ShouldBe(weight);
        reason.Text.ShouldContain(quoted);
    }
}
