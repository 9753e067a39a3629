using Berth.Catalog;
using Berth.Spec;

namespace Berth.Tests.Catalog;

public sealed class PriceCatalogTests
{
    private static readonly PriceCatalog Catalog = PriceCatalog.Embedded;

    [Fact]
    public void The_reference_region_has_current_prices_with_their_source_and_date()
    {
        var q = Catalog.OnDemand("us-east-1", "m5.xlarge").ShouldNotBeNull();

        q.UsdPerHour.ShouldBe(0.192m);
        q.Estimated.ShouldBeFalse();
        q.AsOf.ShouldBe("2026-07-20");
        q.Source.ShouldContain("karpenter");
        Catalog.AsOf.ShouldBe("2026-07-20");
    }

    [Fact]
    public void Spot_is_on_demand_less_the_advisors_savings_and_labelled_an_estimate()
    {
        var q = Catalog.Spot("us-east-1", "m5.xlarge").ShouldNotBeNull();

        q.UsdPerHour.ShouldBe(0.06528m); // 0.192 × (1 − 66%)
        q.Estimated.ShouldBeTrue();
        q.Note.ShouldNotBeNull().ShouldContain("66%");
        Catalog.Advisor("us-east-1", "m5.xlarge").ShouldNotBeNull().InterruptionBucket.ShouldBe(4);
    }

    [Fact]
    public void A_stale_region_is_estimated_from_the_reference_by_its_observed_ratio()
    {
        var ratio = Catalog.Ec2Ratio("eu-west-1");
        var q = Catalog.OnDemand("eu-west-1", "m5.xlarge").ShouldNotBeNull();

        ratio.Samples.ShouldBeGreaterThan(100);
        ratio.Ratio.ShouldBeInRange(1.05m, 1.2m);
        q.Estimated.ShouldBeTrue();
        q.UsdPerHour.ShouldBe(Math.Round(0.192m * ratio.Ratio, 6));
        q.UsdPerHour.ShouldBeInRange(0.21m, 0.22m); // AWS's eu-west-1 price is $0.214
        q.Note.ShouldNotBeNull().ShouldContain("eu-west-1");
    }

    [Fact]
    public void A_type_newer_than_a_regions_facts_is_estimated_too()
    {
        Catalog.OnDemand("eu-west-1", "m7g.large").ShouldNotBeNull().Estimated.ShouldBeTrue();
        Catalog.OnDemand("us-east-1", "no-such.type").ShouldBeNull();
    }

    [Fact]
    public void A_region_without_any_prices_uses_the_median_ratio_and_says_so()
    {
        var ratio = Catalog.Ec2Ratio("ap-south-2");

        ratio.Samples.ShouldBe(0);
        ratio.Basis.ShouldContain("median");
        Catalog.OnDemand("ap-south-2", "m5.xlarge").ShouldNotBeNull().Estimated.ShouldBeTrue();
    }

    [Fact]
    public void Fargate_prices_match_domain_md()
    {
        var x86 = Catalog.Fargate("us-east-1", CpuArch.X64);
        var arm = Catalog.Fargate("us-east-1", CpuArch.Arm64);
        var ireland = Catalog.Fargate("eu-west-1", CpuArch.X64);
        var paris = Catalog.Fargate("eu-west-3", CpuArch.X64);

        (x86.Vcpu.UsdPerHour, x86.Gb.UsdPerHour, x86.StorageGb.UsdPerHour).ShouldBe((0.04048m, 0.004445m, 0.000111m));
        (arm.Vcpu.UsdPerHour, arm.Gb.UsdPerHour).ShouldBe((0.03238m, 0.00356m));
        x86.Vcpu.Estimated.ShouldBeFalse();
        ireland.Vcpu.Estimated.ShouldBeFalse();
        (1 - (x86.SpotVcpu.UsdPerHour / x86.Vcpu.UsdPerHour)).ShouldBeInRange(0.65m, 0.72m); // Fargate Spot ~70% off
        paris.Vcpu.Estimated.ShouldBeTrue();
        paris.Vcpu.UsdPerHour.ShouldBe(0.0486m);
    }

    [Fact]
    public void The_control_plane_costs_ten_or_sixty_cents_an_hour()
    {
        Catalog.ControlPlane(SupportTier.Standard).UsdPerHour.ShouldBe(0.10m);
        Catalog.ControlPlane(SupportTier.Extended).UsdPerHour.ShouldBe(0.60m);
    }

    [Fact]
    public void Every_region_a_spec_accepts_can_be_priced()
    {
        foreach (var region in KnownRegions.All)
        {
            Catalog.OnDemand(region, "m5.large").ShouldNotBeNull(region);
            Catalog.Fargate(region, CpuArch.X64).Vcpu.UsdPerHour.ShouldBeGreaterThan(0, region);
        }

        Catalog.Regions.ShouldBe(KnownRegions.All, ignoreOrder: true);
    }

    [Fact]
    public void Fargate_sizes_are_the_valid_combinations()
    {
        Catalog.FargateSizes.Count.ShouldBe(74);
        Catalog.FargateSizes.ShouldContain(new FargateSize(256, 512));
        Catalog.FargateSizes.ShouldContain(new FargateSize(16384, 122880));
        Catalog.FargateSizes.ShouldNotContain(new FargateSize(1024, 1024));
    }
}
