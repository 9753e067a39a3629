using Berth.Decision;

namespace Berth.Tests.Decision;

public class DecisionEngineTests
{
    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(5, 2, true)]
    [InlineData(13, 0, false)]
    [InlineData(0, 4, false)]
    [InlineData(20, 26, true)]
    [InlineData(13, 20, false)]
    public void Close_call_is_a_margin_within_one_ordinary_signal_or_fifteen_percent(int ecs, int eks, bool expected)
    {
        DecisionEngine.IsCloseCall(ecs, eks).ShouldBe(expected);
    }

    [Fact]
    public void Scores_are_the_sums_of_weights_per_side()
    {
        var a = Priced.Assess(Scenarios.MixedSignals());

        a.EcsScore.ShouldBe(a.Reasons.Where(r => r.Favours == Favours.EcsFargate).Sum(r => r.Weight));
        a.EksScore.ShouldBe(a.Reasons.Where(r => r.Favours == Favours.Eks).Sum(r => r.Weight));
        a.Reasons.Count.ShouldBe(DecisionEngine.Criteria.Count);
    }

    [Fact]
    public void A_tie_goes_to_ecs_fargate()
    {
        // 5 services of 4 replicas: service count 3 for ECS; strong expertise 3 for EKS; the rest neutral (unpriced,
        // so cost-scale is neutral too).
        var spec = SpecBuilder.Default
            .WithServices(5, replicas: 4)
            .WithTeam(engineers: 6, expertise: Berth.Spec.KubernetesExpertise.Strong, timelineMonths: 12, owningTeams: 1)
            .Build();

        var a = DecisionEngine.Assess(spec);

        a.EcsScore.ShouldBe(a.EksScore);
        a.Recommendation.ShouldBe(Platform.EcsFargate);
        a.CloseCall.ShouldBeTrue();
    }

    [Fact]
    public void Reasons_are_sorted_by_weight_descending_then_id_with_neutral_last()
    {
        var reasons = Priced.Assess(Scenarios.Platform()).Reasons;

        reasons.ShouldBe(reasons.OrderByDescending(r => r.Weight).ThenBy(r => r.Id, StringComparer.Ordinal).ToList());
        reasons.SkipWhile(r => r.Weight > 0).ShouldAllBe(r => r.Favours == Favours.Neutral);
    }

    [Fact]
    public void Platform_ids_are_stable()
    {
        PlatformIds.Id(Platform.EcsFargate).ShouldBe("ecs-fargate");
        PlatformIds.Id(Platform.Eks).ShouldBe("eks");
        PlatformIds.Id(Favours.EcsFargate).ShouldBe("ecs-fargate");
        PlatformIds.Id(Favours.Eks).ShouldBe("eks");
        PlatformIds.Id(Favours.Neutral).ShouldBe("neutral");
    }
}
