using Berth.Catalog;
using Berth.Costing;
using Berth.Costing.Options;
using Berth.Tests.Support;

namespace Berth.Tests.Costing;

/// <summary>Figures hand-computed from DOMAIN.md §3's us-east-1 prices, checked to the cent.</summary>
public sealed class CostEngineTests
{
    private static CostOption Option(string id, string services, string extra = "", bool infraOnly = true) =>
        CostEngine.Estimate(Specs.With(services, extra), PriceCatalog.Embedded, infraOnly).Options.Single(o => o.Id == id);

    [Fact]
    public void Ten_always_on_1_vcpu_2_gb_tasks_for_730_hours()
    {
        var o = Option("ecs-fargate", "  - { name: api, cpu: 1, memory: 2Gi, replicas: 10 }");

        // 10 tasks × 730 h × (1 × $0.04048 + 2 × $0.004445) = 7300 × $0.04937 = $360.401
        var line = o.LineItems.ShouldHaveSingleItem();
        line.Quantity.ShouldBe(7300m);
        line.UnitPriceUsd.ShouldBe(0.04937m);
        line.MonthlyUsd.ShouldBe(360.40m);
        o.MonthlyUsd.ShouldBe(360.40m);
        o.Estimated.ShouldBeFalse();
    }

    [Fact]
    public void The_same_tasks_with_base_1_weight_20_on_fargate_and_weight_80_on_spot()
    {
        var o = Option(
            "ecs-fargate",
            "  - { name: api, cpu: 1, memory: 2Gi, replicas: 10, spot: true }",
            "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE, base: 1, weight: 20 }\n    - { provider: FARGATE_SPOT, weight: 80 }");

        // base 1 on FARGATE, the other 9 by weight 20:80 → 2 more on FARGATE, 7 on FARGATE_SPOT.
        var od = o.LineItems.Single(l => l.Description.Contains("on FARGATE ", StringComparison.Ordinal) || l.Description.EndsWith("on FARGATE", StringComparison.Ordinal));
        od.Quantity.ShouldBe(3 * 730m);
        od.MonthlyUsd.ShouldBe(108.12m); // 2190 × 0.04937 = 108.1203
        var spot = o.LineItems.Single(l => l.Description.Contains("FARGATE_SPOT", StringComparison.Ordinal));
        spot.Quantity.ShouldBe(7 * 730m);
        spot.UnitPriceUsd.ShouldBe(0.01542025m); // 0.01264355 + 2 × 0.00138835 (catalog Fargate Spot, us-east-1)
        spot.MonthlyUsd.ShouldBe(78.80m); // 5110 × 0.01542025 = 78.7974775
        o.MonthlyUsd.ShouldBe(186.92m);
    }

    [Fact]
    public void A_fixed_group_of_three_m5_xlarge_on_demand()
    {
        var o = Option(
            "eks-nodegroups",
            "  - { name: api, cpu: 1, memory: 2Gi, replicas: 3 }",
            "eks:\n  nodeGroups:\n    - { name: general, instanceType: m5.xlarge, count: 3 }");

        o.LineItems.Count.ShouldBe(2);
        o.LineItems[0].Description.ShouldStartWith("EKS control plane");
        o.LineItems[0].MonthlyUsd.ShouldBe(73.00m);
        o.LineItems[1].Quantity.ShouldBe(2190m);
        o.LineItems[1].UnitPriceUsd.ShouldBe(0.192m);
        o.LineItems[1].MonthlyUsd.ShouldBe(420.48m);
        o.MonthlyUsd.ShouldBe(493.48m);
    }

    [Fact]
    public void An_eks_fargate_pod_of_1_vcpu_2_gb_is_billed_as_1_vcpu_3_gb()
    {
        var o = Option("eks-fargate", "  - { name: api, cpu: 1, memory: 2Gi }");

        // 2 GB + 256 MB → the next valid size with 1 vCPU is 3 GB: 0.04048 + 3 × 0.004445 = $0.053815 an hour.
        var pod = o.LineItems.Single(l => l.Description.StartsWith("api:", StringComparison.Ordinal));
        pod.Unit.ShouldBe("pod-hour");
        pod.Description.ShouldContain("1 vCPU / 3 GB");
        pod.UnitPriceUsd.ShouldBe(0.053815m);
        pod.MonthlyUsd.ShouldBe(39.28m); // 730 × 0.053815 = 39.28495

        // The control plane, the pod, and the cluster's controllers (CoreDNS, the load balancer controller, ArgoCD…)
        // as Fargate pods of their own.
        var controllers = o.LineItems.Where(l => l.Description.StartsWith("cluster controllers:", StringComparison.Ordinal)).ToArray();
        controllers.ShouldNotBeEmpty();
        o.MonthlyUsd.ShouldBe(73.00m + 39.28m + controllers.Sum(l => l.MonthlyUsd));
    }

    [Fact]
    public void Storage_above_20_gb_is_billed_per_gb_hour()
    {
        var o = Option("ecs-fargate", "  - { name: api, cpu: 1, memory: 2Gi, storage: 30Gi }");

        var storage = o.LineItems.Single(l => l.Group == "storage");
        storage.Quantity.ShouldBe(10 * 730m);
        storage.UnitPriceUsd.ShouldBe(0.000111m);
        storage.MonthlyUsd.ShouldBe(0.81m); // 7300 × 0.000111 = 0.8103
    }

    [Fact]
    public void Arm_tasks_are_cheaper_and_never_on_fargate_spot()
    {
        var o = Option(
            "ecs-fargate",
            "  - { name: api, cpu: 1, memory: 2Gi, replicas: 2, arch: arm64, spot: true }",
            "ecs:\n  capacityProviderStrategy:\n    - { provider: FARGATE_SPOT, weight: 1 }");

        var line = o.LineItems.ShouldHaveSingleItem();
        line.UnitPriceUsd.ShouldBe(0.03238m + (2 * 0.00356m));
        line.Description.ShouldContain("on FARGATE");
        o.Notes.ShouldContain(n => n.Contains("ARM64", StringComparison.Ordinal));
    }

    [Fact]
    public void Autoscaled_tasks_follow_the_demand_curve()
    {
        // 24 values: 12 hours at full demand, 12 at 0.1 → replicas 10 and clamp(ceil(1), 2, 10) = 2.
        var demand = string.Join(", ", Enumerable.Repeat("1", 12).Concat(Enumerable.Repeat("0.1", 12)));
        var o = Option("ecs-fargate", $"  - {{ name: api, cpu: 1, memory: 2Gi, scaling: {{ min: 2, max: 10 }}, demand: [{demand}] }}");

        // Average (12 × 10 + 12 × 2) / 24 = 6 tasks → 4380 task-hours.
        o.LineItems.ShouldHaveSingleItem().Quantity.ShouldBe(4380m);
    }

    [Fact]
    public void Clients_multiply_the_platform()
    {
        var one = Option("eks-fargate", "  - { name: api, cpu: 1, memory: 2Gi }");
        var three = Option("eks-fargate", "  - { name: api, cpu: 1, memory: 2Gi }", "clients: [a, b, c]");

        // Each line is rounded to the cent once, so three clusters may differ from 3 × one by a cent a line.
        three.MonthlyUsd.ShouldBe(one.MonthlyUsd * 3, 0.01m * three.LineItems.Count);
        three.LineItems[0].Description.ShouldContain("3 clients");
    }

    [Fact]
    public void Overrides_and_savings_plans_are_applied_and_shown()
    {
        var o = Option(
            "ecs-fargate",
            "  - { name: api, cpu: 1, memory: 2Gi, replicas: 10 }",
            "pricing:\n  overrides:\n    fargate: { vcpuHour: 0.05, gbHour: 0.005 }\n  discounts: { computeSavingsPlan: 0.2 }");

        var compute = o.LineItems.Single(l => l.Group == "compute");
        compute.UnitPriceUsd.ShouldBe(0.06m);
        compute.MonthlyUsd.ShouldBe(438.00m);
        compute.Note.ShouldNotBeNull().ShouldContain("override");
        var discount = o.LineItems.Single(l => l.Group == "discount");
        discount.MonthlyUsd.ShouldBe(-87.60m);
        o.MonthlyUsd.ShouldBe(350.40m);
    }

    [Fact]
    public void Engineering_time_is_its_own_line_items_and_infra_only_drops_it()
    {
        var spec = Specs.With("  - { name: api, cpu: 1, memory: 2Gi }");

        var full = CostEngine.Estimate(spec, PriceCatalog.Embedded).Options;
        var infra = CostEngine.Estimate(spec, PriceCatalog.Embedded, infraOnly: true).Options;

        foreach (var o in full)
        {
            o.LineItems.ShouldContain(l => l.Kind == LineItemKind.EngineeringTime && l.Estimated);
            o.EngineeringUsd.ShouldBeGreaterThan(0);
        }

        infra.SelectMany(o => o.LineItems).ShouldAllBe(l => l.Kind == LineItemKind.Infrastructure);
        full.Single(o => o.Id == "eks-fargate").EngineeringUsd.ShouldBeGreaterThan(full.Single(o => o.Id == "ecs-fargate").EngineeringUsd);
    }

    [Fact]
    public void A_stale_region_is_priced_as_an_estimate_and_says_so()
    {
        var spec = Specs.Parse("version: 1\nname: t\nregion: eu-west-2\nservices:\n  - { name: api }\neks:\n  nodeGroups:\n    - { name: g, instanceType: m5.xlarge, count: 1 }\n");

        var report = CostEngine.Estimate(spec, PriceCatalog.Embedded, infraOnly: true);

        var groups = report.Options.Single(o => o.Id == EksNodeGroupsOption.OptionId);
        groups.Estimated.ShouldBeTrue();
        groups.Estimates.ShouldContain(e => e.Contains("eu-west-2", StringComparison.Ordinal) && e.StartsWith("estimated", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_node_group_type_is_bad_input_with_a_suggestion()
    {
        var spec = Specs.With("  - { name: api }", "eks:\n  nodeGroups:\n    - { name: g, instanceType: m5.xlarg, count: 1 }");

        var e = Should.Throw<CostingException>(() => CostEngine.Estimate(spec, PriceCatalog.Embedded));

        e.Message.ShouldContain("did you mean 'm5.xlarge'?");
    }

    [Fact]
    public void Engineering_hours_from_berth_yaml_replace_the_model()
    {
        var spec = Specs.With("  - { name: api }", "team: { hourlyRateUsd: 120 }\npricing:\n  engineeringHoursPerMonth: { ecsFargate: 10, eks: 60 }");

        var options = CostEngine.Estimate(spec, PriceCatalog.Embedded).Options;

        var ecs = options.Single(o => o.Id == "ecs-fargate").LineItems.Single(l => l.Kind == LineItemKind.EngineeringTime);
        ecs.Quantity.ShouldBe(10m);
        ecs.MonthlyUsd.ShouldBe(1200m);
        ecs.Note.ShouldNotBeNull().ShouldContain("berth.yaml");
        options.Single(o => o.Id == "eks-fargate").EngineeringUsd.ShouldBe(7200m);
    }
}
