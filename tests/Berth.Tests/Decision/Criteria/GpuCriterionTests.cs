using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class GpuCriterionTests
{
    private readonly GpuCriterion _criterion = new();

    [Fact]
    public void The_requirement_favours_eks()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithRequirements(r => r with { Gpu = true }).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(20);
        reason.Text.ShouldContain("gpu: true");
    }

    [Fact]
    public void Without_the_requirement_it_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
