using Berth.Costing;
using Berth.Decision;
using Berth.Decision.Criteria;
using Berth.Formatting;

namespace Berth.Tests.Decision.Criteria;

public class CostScaleCriterionTests
{
    private readonly CostScaleCriterion _criterion = new();

    private static CostOption Cheapest(CostReport costs, string platform) =>
        costs.Ranked().First(o => o.Feasible && o.Platform == platform);

    [Fact]
    public void Few_pods_favour_ecs_with_the_priced_figures()
    {
        var spec = SpecBuilder.Default.WithServices(5, replicas: 2).Build();
        var costs = Priced.Costs(spec);
        var ecs = Cheapest(costs, "ecs");
        var eks = Cheapest(costs, "eks");

        var reason = _criterion.Evaluate(spec, costs);

        reason.Favours.ShouldBe(Favours.EcsFargate);
        reason.Weight.ShouldBe(2);
        reason.Text.ShouldBe(
            $"Computed for this spec: {eks.Id} ${Fmt.Usd(eks.MonthlyUsd)} vs ecs-fargate ${Fmt.Usd(ecs.MonthlyUsd)} a month with engineering time "
            + $"(${Fmt.Usd(eks.InfrastructureUsd)} vs ${Fmt.Usd(ecs.InfrastructureUsd)} infrastructure): ecs-fargate is cheaper by ${Fmt.Usd(eks.MonthlyUsd - ecs.MonthlyUsd)} a month.");
    }

    [Fact]
    public void Many_pods_no_longer_favour_eks_by_count_alone()
    {
        // The old rule of thumb said "over ~50 pods EKS is cheaper"; 60 pods of small services price the other way.
        var spec = SpecBuilder.Default.WithServices(20, replicas: 3).Build();
        var costs = Priced.Costs(spec);

        var reason = _criterion.Evaluate(spec, costs);

        var cheapest = costs.Cheapest()!;
        reason.Favours.ShouldBe(cheapest.Platform == "eks" ? Favours.Eks : Favours.EcsFargate);
        reason.Text.ShouldContain(cheapest.Id + " is cheaper by $");
        reason.Text.ShouldNotContain("pods");
    }

    [Fact]
    public void Without_costs_it_is_neutral_and_says_so()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(20, replicas: 3).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Text.ShouldBe("Costs were not computed for this assessment, so cost does not bear on it.");
    }

    [Fact]
    public void Infeasible_options_are_not_compared()
    {
        // A GPU service: Fargate cannot run it, so only EKS options are feasible.
        var spec = SpecBuilder.Default.WithServices(SpecBuilder.Service("train", replicas: 1) with { Gpu = 1 }).Build();
        var costs = Priced.Costs(spec);
        costs.Options.Where(o => o.Platform == "ecs").ShouldAllBe(o => !o.Feasible);
        var eks = Cheapest(costs, "eks");

        var reason = _criterion.Evaluate(spec, costs);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Text.ShouldBe($"Only EKS can run this workload as priced: {eks.Id} at ${Fmt.Usd(eks.MonthlyUsd)} a month, while no ECS option can (the cost summary says why).");
    }
}
