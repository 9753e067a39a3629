using Berth.Decision;
using Berth.Spec;

namespace Berth.Tests.Decision;

/// <summary>Invariants over many seeded random inputs: the same seed always replays the same specs.</summary>
public class DecisionInvariantTests
{
    private const int Seed = 41;
    private const int Runs = 80;

    [Fact]
    public void Every_counterfactual_flips_and_scores_add_up_for_random_inputs()
    {
        var random = new Random(Seed);
        for (var run = 0; run < Runs; run++)
        {
            var spec = RandomSpec(random);
            var a = DecisionEngine.Assess(spec);

            a.EcsScore.ShouldBe(a.Reasons.Where(r => r.Favours == Favours.EcsFargate).Sum(r => r.Weight));
            a.EksScore.ShouldBe(a.Reasons.Where(r => r.Favours == Favours.Eks).Sum(r => r.Weight));
            a.Recommendation.ShouldBe(a.EksScore > a.EcsScore ? Platform.Eks : Platform.EcsFargate);
            a.Reasons.ShouldAllBe(r => r.Weight >= 0 && (r.Favours == Favours.Neutral) == (r.Weight == 0));
            a.Counterfactuals.Count.ShouldBeLessThanOrEqualTo(5);

            var candidates = Counterfactuals.Candidates(spec, a.Recommendation).ToDictionary(c => c.Change, c => c.Spec);
            foreach (var c in a.Counterfactuals)
            {
                c.Recommendation.ShouldNotBe(a.Recommendation);
                DecisionEngine.Score(candidates[c.Change]).Recommendation.ShouldBe(c.Recommendation, $"run {run}: {c.Change}");
            }

            if (run % 10 == 0)
            {
                AssessmentFormats.ToJson(DecisionEngine.Assess(spec)).ShouldBe(AssessmentFormats.ToJson(a));
            }
        }
    }

    [Fact]
    public void Adding_a_reason_for_eks_never_turns_eks_into_ecs()
    {
        var random = new Random(Seed);
        for (var run = 0; run < Runs; run++)
        {
            var spec = RandomSpec(random);
            if (DecisionEngine.Score(spec).Recommendation != Platform.Eks)
            {
                continue;
            }

            var more = spec with { Requirements = spec.Requirements with { Gitops = true, ServiceMesh = true, StatefulWorkloads = true } };
            DecisionEngine.Score(more).Recommendation.ShouldBe(Platform.Eks);
        }
    }

    private static BerthSpec RandomSpec(Random random)
    {
        bool Coin(int percent) => random.Next(100) < percent;
        var count = random.Next(1, 45);
        var services = Enumerable.Range(1, count)
            .Select(i => SpecBuilder.Service(
                $"svc-{i}",
                replicas: random.Next(1, 5),
                spot: Coin(30),
                eventSource: Coin(5) ? new EventSourceSpec(EventSourceType.Sqs, "q" + i, 10) : null))
            .ToArray();
        return SpecBuilder.Default
            .WithServices(services)
            .WithTeam(
                engineers: random.Next(1, 20),
                expertise: (KubernetesExpertise)random.Next(3),
                owningTeams: random.Next(1, 6),
                timelineMonths: random.Next(1, 13))
            .WithRequirements(_ => new RequirementsSpec(
                Coin(30),
                Coin(20),
                (MultiTenancy)random.Next(3),
                Coin(15),
                Coin(15),
                Coin(5),
                Coin(5),
                Coin(20),
                Coin(10) ? ["cert-manager"] : []))
            .Build();
    }
}
