using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class OperatorsCriterionTests
{
    private readonly OperatorsCriterion _criterion = new();

    [Fact]
    public void Operators_favour_eks_and_are_named()
    {
        var spec = SpecBuilder.Default.WithRequirements(r => r with { Operators = ["cert-manager", "strimzi"] }).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(18);
        reason.Text.ShouldContain("('cert-manager', 'strimzi')");
    }

    [Fact]
    public void Many_operators_are_abbreviated()
    {
        var spec = SpecBuilder.Default.WithRequirements(r => r with { Operators = ["a", "b", "c", "d", "e"] }).Build();

        _criterion.Evaluate(spec).Text.ShouldContain("('a', 'b', 'c' and 2 more)");
    }

    [Fact]
    public void No_operators_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
