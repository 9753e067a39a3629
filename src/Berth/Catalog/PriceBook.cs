using System.Globalization;
using Berth.Formatting;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>The catalog's prices for the spec's region with berth.yaml's <c>pricing.overrides</c> applied on top, marked as such.</summary>
public sealed class PriceBook(PriceCatalog catalog, PricingSpec pricing, string region)
{
    public const string OverrideSource = "berth.yaml pricing.overrides";

    public PriceCatalog Catalog => catalog;

    public string Region => region;

    public FargateQuote Fargate(CpuArch arch)
    {
        var q = catalog.Fargate(region, arch);
        if (pricing.FargateOverride is not { } o)
        {
            return q;
        }

        var vcpu = o.VcpuHour is { } v ? Override(v) : q.Vcpu;
        var gb = o.GbHour is { } g ? Override(g) : q.Gb;
        if (o.SpotDiscount is { } d)
        {
            return q with
            {
                Vcpu = vcpu,
                Gb = gb,
                SpotVcpu = Override(Math.Round(vcpu.UsdPerHour * (1 - d), 8), $"on-demand less the {Fmt.Percent(d)} Spot discount from berth.yaml"),
                SpotGb = Override(Math.Round(gb.UsdPerHour * (1 - d), 8), $"on-demand less the {Fmt.Percent(d)} Spot discount from berth.yaml"),
            };
        }

        return q with { Vcpu = vcpu, Gb = gb };
    }

    public PriceQuote? Ec2(string instanceType, CapacityType capacity)
    {
        if (pricing.Ec2Overrides.TryGetValue(instanceType, out var o))
        {
            if (capacity == CapacityType.OnDemand && o.OnDemand is { } od)
            {
                return Override(od);
            }

            if (capacity == CapacityType.Spot && o.Spot is { } sp)
            {
                return Override(sp);
            }
        }

        return capacity == CapacityType.OnDemand ? catalog.OnDemand(region, instanceType) : catalog.Spot(region, instanceType);
    }

    public PriceQuote ControlPlane(SupportTier tier) => catalog.ControlPlane(tier);

    /// <summary>The Compute Savings Plan discount (a fraction) that applies to on-demand Fargate and EC2, not to Spot.</summary>
    public decimal SavingsPlan => pricing.ComputeSavingsPlan;

    private static PriceQuote Override(decimal usd, string? note = null) =>
        new(usd, OverrideSource, "user", false, note is null ? "override: " + OverrideSource : "override: " + note) { Basis = PriceBasis.Override };

    public static string Describe(PriceQuote q) =>
        string.Create(CultureInfo.InvariantCulture, $"{q.UsdPerHour}/h ({q.Source}, {q.AsOf})");
}
