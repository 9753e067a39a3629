using Berth.Catalog;
using Berth.Costing;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

/// <summary>What holds for every option berth cost prices: ECS on Fargate, Karpenter, managed node groups, EKS on Fargate.</summary>
public sealed class SimulatedOptionsTests
{
    private const string FixedServices = """
          - { name: api, cpu: 1, memory: 2Gi, replicas: 4, demand: flat }
          - { name: big, cpu: 2, memory: 5Gi, replicas: 2, demand: flat, storage: 30Gi }
          - { name: small, cpu: 250m, memory: 512Mi, replicas: 3, demand: flat }
        """;

    private const string Groups = """
        eks:
          nodeGroups:
            - { name: general, instanceType: m5.2xlarge, count: 3, capacityType: on-demand }
          karpenter:
            capacityTypes: [on-demand]
        """;

    [Fact]
    public void Every_option_berth_cost_prices_is_simulated_in_its_order()
    {
        var spec = Specs.With(FixedServices, Groups);
        var simulated = SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(Days: 1)).Summaries.Select(s => s.Id);
        var priced = CostEngine.Estimate(spec, PriceCatalog.Embedded).Options.Select(o => o.Id);

        simulated.ShouldBe(priced);
        simulated.ShouldBe(["ecs-fargate", "eks-karpenter", "eks-nodegroups", "eks-fargate"]);
    }

    [Theory]
    [InlineData("ecs-fargate")]
    [InlineData("eks-karpenter")]
    [InlineData("eks-nodegroups")]
    [InlineData("eks-fargate")]
    public void Flat_demand_without_spot_and_fixed_replicas_serves_everything_at_berth_costs_price(string option)
    {
        var spec = Specs.With(FixedServices, Groups);
        var run = SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(Days: 2)).Runs[0].Single(o => o.Id == option);
        var cost = (double)CostEngine.Estimate(spec, PriceCatalog.Embedded).Options.Single(o => o.Id == option).InfrastructureUsd;

        run.UnservedDemandPct.ShouldBe(0);
        run.ShortfallMinutesPerDay.ShouldAllBe(m => m == 0);
        run.Interruptions.ShouldBe(0);
        run.ScaleEvents.ShouldBe(0);
        run.MonthlyUsd.ShouldBe(cost, cost * 0.01);
    }

    [Theory]
    [InlineData("startup.yaml", "ecs-fargate")]
    [InlineData("startup.yaml", "eks-karpenter")]
    [InlineData("startup.yaml", "eks-fargate")]
    [InlineData("platform.yaml", "ecs-fargate")]
    [InlineData("platform.yaml", "eks-karpenter")]
    [InlineData("platform.yaml", "eks-nodegroups")]
    [InlineData("platform.yaml", "eks-fargate")]
    public void Flat_demand_costs_what_berth_cost_says_within_one_percent(string example, string option)
    {
        // The example with every service's demand flat, so autoscaled services stay at scaling.max as berth cost prices
        // them. Without event sources: KEDA scales a queue consumer to the work itself (fully busy replicas), not to
        // scaling.max at the CPU target, so berth cost's replica count does not apply to it.
        var spec = Specs.Parse(File.ReadAllText(Path.Combine(Berth.Tests.Cli.RepoPaths.Examples, example)));
        spec = spec with { Services = spec.Services.Select(s => s with { Demand = Berth.Spec.DemandProfile.Flat, EventSource = null }).ToArray() };
        var run = SimulationRunner.Run(spec, PriceCatalog.Embedded, new SimulationOptions(Days: 2) { SpotMonthlyRate = 0 }).Runs[0].Single(o => o.Id == option);
        var cost = (double)CostEngine.Estimate(spec, PriceCatalog.Embedded).Options.Single(o => o.Id == option).InfrastructureUsd;

        run.MonthlyUsd.ShouldBe(cost, cost * 0.01, $"{example} {option}: simulated {run.MonthlyUsd:0.00} against berth cost {cost:0.00}");
    }

    [Fact]
    public void Full_node_groups_leave_pods_pending_and_demand_unserved()
    {
        const string services = "  - { name: api, cpu: 1, memory: 2Gi, scaling: { min: 2, max: 30 }, demand: business-hours }";
        const string small = "eks:\n  nodeGroups:\n    - { name: general, instanceType: m5.xlarge, count: 2, capacityType: on-demand }";
        const string large = "eks:\n  nodeGroups:\n    - { name: general, instanceType: m5.xlarge, count: 12, capacityType: on-demand }";

        var full = Run(services, small, "eks-nodegroups", new SimulationOptions(Days: 1) { TimeSeries = true });
        var roomy = Run(services, large, "eks-nodegroups", new SimulationOptions(Days: 1) { TimeSeries = true });

        full.UnservedDemandPct.ShouldBeGreaterThan(roomy.UnservedDemandPct + 1);
        full.Notes.ShouldContain(n => n.Contains("pending", StringComparison.Ordinal));
        full.TimeSeries.ShouldAllBe(p => p.Nodes == 2 && p.NodeCpuUtilisationPct <= 100 + 1e-9);
        full.TimeSeries.Max(p => p.NodeCpuUtilisationPct).ShouldBeGreaterThan(75);
        roomy.PeakNodes.ShouldBe(12);
    }

    [Fact]
    public void Eks_on_fargate_starts_pods_as_slowly_as_fargate_tasks()
    {
        var step = "[" + string.Join(", ", Enumerable.Repeat("0.1", 12).Concat(Enumerable.Repeat("1", 12))) + "]";
        var services = $"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 40 }}, demand: {step} }}";

        var fast = Run(services, "", "eks-fargate", new SimulationOptions(Days: 1) { FargateStartSeconds = 30 });
        var slow = Run(services, "", "eks-fargate", new SimulationOptions(Days: 1) { FargateStartSeconds = 300 });

        slow.UnservedDemandPct.ShouldBeGreaterThan(fast.UnservedDemandPct);
        slow.Interruptions.ShouldBe(0); // no Spot on EKS Fargate
        slow.AverageNodes.ShouldBe(0);
    }

    [Theory]
    [InlineData("ecs-fargate")]
    [InlineData("eks-karpenter")]
    [InlineData("eks-nodegroups")]
    [InlineData("eks-fargate")]
    public void A_demand_step_above_scaling_max_leaves_demand_unserved_on_every_option(string option)
    {
        var step = "[" + string.Join(", ", Enumerable.Repeat("0.2", 12).Concat(Enumerable.Repeat("1", 12))) + "]";
        var run = Run($"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 4 }}, demand: {step} }}", Groups, option,
            new SimulationOptions(Days: 1) { DemandScale = 1.5 });

        run.UnservedDemandPct.ShouldBeGreaterThan(0);
        run.ShortfallMinutesPerDay.Single().ShouldBeGreaterThan(60);
    }

    private static OptionRun Run(string services, string extra, string option, SimulationOptions options) =>
        SimulationRunner.Run(Specs.With(services, extra), PriceCatalog.Embedded, options).Runs[0].Single(o => o.Id == option);
}
