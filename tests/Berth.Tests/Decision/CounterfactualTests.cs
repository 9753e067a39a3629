using Berth.Decision;
using Berth.Spec;

namespace Berth.Tests.Decision;

public class CounterfactualTests
{
    public static TheoryData<string> AllScenarios => new() { "small-team", "platform", "scale-only", "mixed", "gpu", "default" };

    [Fact]
    public void Small_team_has_a_counterfactual_that_flips_to_eks()
    {
        var a = Priced.Assess(Scenarios.SmallTeam());

        a.Counterfactuals.ShouldNotBeEmpty();
        a.Counterfactuals.ShouldAllBe(c => c.Recommendation == Platform.Eks);
        a.Counterfactuals.Select(c => c.Change).ShouldContain("with GPU workloads");
    }

    [Fact]
    public void A_platform_that_is_eks_by_scale_has_a_counterfactual_that_reduces_the_service_count()
    {
        var a = Priced.Assess(Scenarios.ScaleOnlyPlatform());

        a.Recommendation.ShouldBe(Platform.Eks);
        a.Counterfactuals.ShouldContain(c => c.Change == "with 10 services instead of 33" && c.Recommendation == Platform.EcsFargate);
    }

    [Fact]
    public void The_full_platform_is_not_flipped_by_any_single_change()
    {
        // Operators alone outweigh every ECS-favouring reason, and the rest of the platform outweighs losing them.
        Priced.Assess(Scenarios.Platform()).Counterfactuals.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void Every_counterfactual_really_flips_the_answer(string scenario)
    {
        var spec = Build(scenario);
        var costs = Priced.Costs(spec);
        var a = DecisionEngine.Assess(spec, costs);
        var candidates = Counterfactuals.Candidates(spec, a.Recommendation, costs).ToList();

        a.Counterfactuals.Count.ShouldBeLessThanOrEqualTo(Counterfactuals.MaxResults);
        foreach (var c in a.Counterfactuals)
        {
            c.Recommendation.ShouldNotBe(a.Recommendation);
            var changed = candidates.Single(x => x.Change == c.Change).Spec;
            DecisionEngine.Assess(changed, costs).Recommendation.ShouldBe(c.Recommendation, c.Change);

            // Re-priced for the changed spec, the flip still holds.
            Priced.Assess(changed).Recommendation.ShouldBe(c.Recommendation, c.Change + " (re-priced)");
        }
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void Counterfactuals_are_sorted_by_size_then_text_and_deterministic(string scenario)
    {
        var spec = Build(scenario);
        var costs = Priced.Costs(spec);
        var a = DecisionEngine.Assess(spec, costs);
        var sizes = Counterfactuals.Candidates(spec, a.Recommendation, costs).ToDictionary(c => c.Change, c => c.Size);

        var keys = a.Counterfactuals.Select(c => (sizes[c.Change], c.Change)).ToList();
        keys.ShouldBe(keys.OrderBy(k => k.Item1).ThenBy(k => k.Change, StringComparer.Ordinal).ToList());
        Priced.Assess(spec).Counterfactuals.ShouldBe(a.Counterfactuals);
    }

    [Fact]
    public void The_nearest_flipping_service_count_is_found_by_searching_outward()
    {
        // Mixed: 15 services lean EKS; at 10 services the service-count reason turns to ECS.
        Priced.Assess(Scenarios.MixedSignals()).Counterfactuals
            .ShouldContain(c => c.Change == "with 10 services instead of 15");
    }

    [Fact]
    public void Resize_truncates_or_repeats_services_under_fresh_names()
    {
        var services = SpecBuilder.Default.WithServices(3).Build().Services;

        Counterfactuals.Resize(services, 2).Select(s => s.Name).ShouldBe(["svc-1", "svc-2"]);
        var grown = Counterfactuals.Resize(services, 7);
        grown.Count.ShouldBe(7);
        grown.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count().ShouldBe(7);
        grown[3].BaseName.ShouldBe("svc-1");
    }

    [Fact]
    public void Turning_event_driven_scaling_off_also_clears_event_sources()
    {
        var spec = Scenarios.Platform();

        var off = Counterfactuals.Candidates(spec, Platform.Eks).Single(c => c.Change == "without event-driven scaling").Spec;

        off.Requirements.EventDrivenScaling.ShouldBeFalse();
        off.Services.ShouldAllBe(s => s.EventSource == null);
    }

    private static BerthSpec Build(string scenario) => scenario switch
    {
        "small-team" => Scenarios.SmallTeam(),
        "platform" => Scenarios.Platform(),
        "scale-only" => Scenarios.ScaleOnlyPlatform(),
        "mixed" => Scenarios.MixedSignals(),
        "gpu" => Scenarios.SmallTeam() with { Requirements = RequirementsSpec.Default with { Gpu = true } },
        _ => SpecBuilder.Default.Build(),
    };
}
