using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class StatefulWorkloadsCriterionTests
{
    private readonly StatefulWorkloadsCriterion _criterion = new();

    [Fact]
    public void The_requirement_favours_eks()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithRequirements(r => r with { StatefulWorkloads = true }).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldContain("statefulWorkloads: true");
        reason.Text.ShouldContain("one EBS volume per task (since January 2024)"); // DOMAIN §6
        reason.Text.ShouldContain("StatefulSets give each replica a stable identity and its own");
    }

    [Fact]
    public void Without_the_requirement_it_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
