using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Costing;
using Berth.Decision;
using Berth.Formatting;
using Berth.Spec;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Decision;

/// <summary>
/// Issue 14, point 1: a reason printed by <c>berth assess</c> never contradicts the cost summary printed under it.
/// Random specs (sizes, Spot, GPUs, arm64, node groups, Karpenter settings) with a random team and requirements.
/// </summary>
public partial class ReasonsAgreeWithCostsTests
{
    [GeneratedRegex(@"\$[0-9][0-9,]*\.[0-9]{2}")]
    private static partial Regex Dollars();

    [GeneratedRegex(@"\b[0-9]+\.[0-9]+ pods")]
    private static partial Regex FractionalPods();

    [GeneratedRegex(@"([a-z-]+) is cheaper by")]
    private static partial Regex CheaperClaim();

    [Property(MaxTest = 40)]
    public Property No_reason_contradicts_the_cost_summary_printed_with_it()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var spec = WithRandomTeam(RandomSpecs.Spec(seed), seed);
            var costs = Priced.Costs(spec);
            var problems = Contradictions(DecisionEngine.Assess(spec, costs), costs);
            return problems.Count == 0 ? true.ToProperty() : false.Label(RandomSpecs.Yaml(seed) + string.Join("\n", problems));
        });
    }

    [Theory]
    [InlineData("startup")]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void No_reason_contradicts_the_cost_summary_of_an_example(string example)
    {
        var spec = Generation.EcsGoldenTests.Load(example);
        var costs = Priced.Costs(spec);

        Contradictions(DecisionEngine.Assess(spec, costs), costs).ShouldBeEmpty();
    }

    /// <summary>Every way a reason could disagree with the figures: a side the ranking does not bear out, a dollar figure the summary does not print, a half pod.</summary>
    internal static List<string> Contradictions(Assessment a, CostReport costs)
    {
        var problems = new List<string>();
        var figures = costs.Options.SelectMany(o => new[] { o.MonthlyUsd, o.InfrastructureUsd, o.EngineeringUsd }).ToHashSet();
        var differences = costs.Options.SelectMany(x => costs.Options.Select(y => x.MonthlyUsd - y.MonthlyUsd)).ToHashSet();
        var cheapest = costs.Cheapest();
        foreach (var r in a.Reasons)
        {
            foreach (Match m in Dollars().Matches(r.Text))
            {
                var usd = decimal.Parse(m.Value[1..], NumberStyles.Number, CultureInfo.InvariantCulture);
                var isDifference = r.Text[..m.Index].EndsWith("cheaper by ", StringComparison.Ordinal);
                if (!(isDifference ? differences : figures).Contains(usd))
                {
                    problems.Add($"{r.Id}: {m.Value} is not a figure of the cost summary: {r.Text}");
                }
            }

            foreach (Match m in CheaperClaim().Matches(r.Text))
            {
                var claimed = costs.Options.SingleOrDefault(o => o.Id == m.Groups[1].Value);
                if (claimed is null || !claimed.Feasible || claimed.Platform != cheapest?.Platform)
                {
                    problems.Add($"{r.Id}: says {m.Groups[1].Value} is cheaper, the summary ranks {cheapest?.Id ?? "nothing"} first: {r.Text}");
                }
            }

            if (FractionalPods().IsMatch(r.Text))
            {
                problems.Add($"{r.Id}: a fractional pod count: {r.Text}");
            }

            if (r.Text.Contains("makes EKS cheaper than", StringComparison.Ordinal) || r.Text.Contains("over ~50 pods", StringComparison.Ordinal))
            {
                problems.Add($"{r.Id}: argues cost from a pod count: {r.Text}");
            }
        }

        var costScale = a.Reasons.Single(r => r.Id == "cost-scale");
        if (costScale.Favours != Favours.Neutral)
        {
            var side = costScale.Favours == Favours.Eks ? "eks" : "ecs";
            if (cheapest is null || cheapest.Platform != side)
            {
                problems.Add($"cost-scale favours {side}, the summary's cheapest option is {cheapest?.Id ?? "none"}");
            }
        }
        else if (cheapest is not null && Cheapest(costs, "ecs") is { } ecs && Cheapest(costs, "eks") is { } eks
            && Math.Abs(ecs.MonthlyUsd - eks.MonthlyUsd) * 10 >= Math.Max(ecs.MonthlyUsd, eks.MonthlyUsd))
        {
            problems.Add($"cost-scale is neutral while {ecs.Id} ${Fmt.Usd(ecs.MonthlyUsd)} and {eks.Id} ${Fmt.Usd(eks.MonthlyUsd)} differ by 10% or more");
        }

        var spot = a.Reasons.Single(r => r.Id == "spot-at-scale");
        if (spot.Favours == Favours.Eks)
        {
            var karpenter = costs.Options.Single(o => o.Id == "eks-karpenter");
            var fargate = costs.Options.Single(o => o.Id == "ecs-fargate");
            if (!karpenter.Feasible || !fargate.Feasible || karpenter.InfrastructureUsd > fargate.InfrastructureUsd)
            {
                problems.Add($"spot-at-scale favours eks while eks-karpenter's infrastructure ${Fmt.Usd(karpenter.InfrastructureUsd)} is above ecs-fargate's ${Fmt.Usd(fargate.InfrastructureUsd)}");
            }
        }

        return problems;
    }

    private static CostOption? Cheapest(CostReport costs, string platform) =>
        costs.Ranked().FirstOrDefault(o => o.Feasible && o.Platform == platform);

    private static BerthSpec WithRandomTeam(BerthSpec spec, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var team = spec.Team with
        {
            Engineers = random.Next(1, 16),
            KubernetesExpertise = (KubernetesExpertise)random.Next(3),
            OwningTeams = random.Next(1, 5),
            TimelineMonths = random.Next(1, 13),
        };
        var requirements = spec.Requirements with { Gitops = random.Next(2) == 0, StatefulWorkloads = random.Next(4) == 0 };
        return spec with { Team = team, Requirements = requirements };
    }
}
