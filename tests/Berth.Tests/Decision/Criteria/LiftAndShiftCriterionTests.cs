using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class LiftAndShiftCriterionTests
{
    private readonly LiftAndShiftCriterion _criterion = new();

    [Fact]
    public void Lift_and_shift_favours_ecs()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithRequirements(r => r with { LiftAndShift = true }).Build());

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldContain("liftAndShift: true");
    }

    [Fact]
    public void Otherwise_it_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
