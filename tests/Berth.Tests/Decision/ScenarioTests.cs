using Berth.Decision;
using Berth.Spec;

namespace Berth.Tests.Decision;

public class ScenarioTests
{
    [Fact]
    public void Small_team_with_few_services_and_no_expertise_gets_ecs_fargate_clearly()
    {
        var a = Priced.Assess(Scenarios.SmallTeam());

        a.Recommendation.ShouldBe(Platform.EcsFargate);
        a.CloseCall.ShouldBeFalse();
    }

    [Fact]
    public void Multi_team_platform_with_gitops_keda_mesh_and_operators_gets_eks()
    {
        var spec = Scenarios.Platform();
        spec.Services.Count.ShouldBe(33);

        var a = Priced.Assess(spec);

        a.Recommendation.ShouldBe(Platform.Eks);
        a.CloseCall.ShouldBeFalse();
    }

    [Fact]
    public void Gpu_gets_eks_even_for_a_small_team()
    {
        var spec = Scenarios.SmallTeam() with { Requirements = RequirementsSpec.Default with { Gpu = true } };

        Priced.Assess(spec).Recommendation.ShouldBe(Platform.Eks);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("custom-node-config")]
    [InlineData("operators")]
    public void What_fargate_cannot_do_outweighs_the_most_ecs_leaning_input(string what)
    {
        // Every ECS-favouring criterion fires: few pods, small team, no expertise, short timeline,
        // lift-and-shift and service-level tenancy.
        var requirements = RequirementsSpec.Default with { LiftAndShift = true, MultiTenancy = MultiTenancy.Service };
        var spec = Scenarios.SmallTeam() with { Requirements = requirements };
        Priced.Assess(spec).Recommendation.ShouldBe(Platform.EcsFargate);

        var needs = what switch
        {
            "gpu" => requirements with { Gpu = true },
            "custom-node-config" => requirements with { CustomNodeConfig = true },
            _ => requirements with { Operators = ["cert-manager"] },
        };

        Priced.Assess(spec with { Requirements = needs }).Recommendation.ShouldBe(Platform.Eks);
    }

    [Fact]
    public void Stateful_workloads_get_eks()
    {
        var spec = SpecBuilder.Default
            .WithServices(12)
            .WithTeam(engineers: 6, expertise: KubernetesExpertise.Some, timelineMonths: 6)
            .WithRequirements(r => r with { StatefulWorkloads = true })
            .Build();

        Priced.Assess(spec).Recommendation.ShouldBe(Platform.Eks);
    }

    [Fact]
    public void Lift_and_shift_on_a_two_month_timeline_gets_ecs_fargate()
    {
        var spec = SpecBuilder.Default
            .WithServices(8)
            .WithTeam(engineers: 6, timelineMonths: 2)
            .WithRequirements(r => r with { LiftAndShift = true })
            .Build();

        var a = Priced.Assess(spec);

        a.Recommendation.ShouldBe(Platform.EcsFargate);
        a.CloseCall.ShouldBeFalse();
    }

    [Fact]
    public void Fifteen_services_with_mixed_signals_is_a_close_call()
    {
        Priced.Assess(Scenarios.MixedSignals()).CloseCall.ShouldBeTrue();
    }

    [Fact]
    public void Scale_alone_gets_eks()
    {
        Priced.Assess(Scenarios.ScaleOnlyPlatform()).Recommendation.ShouldBe(Platform.Eks);
    }
}
