using Berth.Costing;
using Berth.Decision;
using Berth.Decision.Criteria;
using Berth.Formatting;
using Berth.Spec;

namespace Berth.Tests.Decision.Criteria;

public class SpotAtScaleCriterionTests
{
    private readonly SpotAtScaleCriterion _criterion = new();

    private static CostOption Option(CostReport costs, string id) => costs.Options.Single(o => o.Id == id);

    [Theory]
    [InlineData(10, 3, 250, 1)]
    [InlineData(12, 4, 2000, 4)]
    public void A_spot_heavy_fleet_at_scale_favours_eks_only_when_karpenter_is_cheaper(int services, int replicas, int millicores, int gib)
    {
        var spot = SpecBuilder.Service("batch", replicas: replicas, spot: true) with { Cpu = new Millicores(millicores), Memory = ByteSize.FromGiB(gib) };
        var spec = SpecBuilder.Default
            .WithServices(Enumerable.Range(0, services).Select(i => spot with { Name = "batch-" + i }).ToArray())
            .AddService(SpecBuilder.Service("api", replicas: 4))
            .Build();
        var costs = Priced.Costs(spec);
        var karpenter = Option(costs, "eks-karpenter");
        var fargate = Option(costs, "ecs-fargate");
        var pods = services * replicas;

        var reason = _criterion.Evaluate(spec, costs);

        reason.Text.ShouldStartWith($"{pods} of about {pods + 4} pods on Spot");
        reason.Text.ShouldContain($"eks-karpenter's infrastructure is ${Fmt.Usd(karpenter.InfrastructureUsd)} vs ecs-fargate's ${Fmt.Usd(fargate.InfrastructureUsd)} a month");
        if (karpenter.InfrastructureUsd <= fargate.InfrastructureUsd)
        {
            reason.Favours.ShouldBe(Favours.Eks);
            reason.Weight.ShouldBe(2);
        }
        else
        {
            reason.Favours.ShouldBe(Favours.Neutral);
            reason.Text.ShouldEndWith("so Spot does not make EKS cheaper.");
        }
    }

    [Fact]
    public void A_small_spot_fleet_is_neutral()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithServices(4, replicas: 2, spot: true).Build());

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
        reason.Text.ShouldContain("8 of about 8 pods on Spot");
        reason.Text.ShouldContain("FARGATE_SPOT");
    }

    [Fact]
    public void A_mostly_on_demand_fleet_is_neutral()
    {
        var spec = SpecBuilder.Default.WithServices(30, replicas: 2).AddService(SpecBuilder.Service("batch", replicas: 10, spot: true)).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Text.ShouldStartWith("10 of about 70 pods on Spot");
    }

    [Fact]
    public void Pod_counts_are_whole_numbers()
    {
        var spec = SpecBuilder.Default
            .WithServices(SpecBuilder.Service("web", replicas: null, scaling: new ScalingSpec(2, 9, 70, 75), spot: true))
            .Build();

        _criterion.Evaluate(spec).Text.ShouldStartWith("6 of about 6 pods on Spot"); // 5.5 rounds half away from zero
    }
}
