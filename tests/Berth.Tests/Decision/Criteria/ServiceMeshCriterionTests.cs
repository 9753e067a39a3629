using Berth.Decision;
using Berth.Decision.Criteria;

namespace Berth.Tests.Decision.Criteria;

public class ServiceMeshCriterionTests
{
    private readonly ServiceMeshCriterion _criterion = new();

    [Fact]
    public void The_requirement_favours_eks()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithRequirements(r => r with { ServiceMesh = true }).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldContain("serviceMesh: true");
        reason.Text.ShouldContain("App Mesh was discontinued on 2026-09-30"); // DOMAIN §6
        reason.Text.ShouldContain("ECS Service Connect gives TLS between services but no full mesh");
        reason.Text.ShouldNotContain("offers only a limited App Mesh");
    }

    [Fact]
    public void Without_the_requirement_it_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
