using Berth.Catalog;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>
/// Checks what berth.yaml names against the catalog, so an unknown instance type is reported where it is written
/// (file:line:column) rather than when a price is missing.
/// </summary>
public static class SpecPriceCheck
{
    public static IReadOnlyList<SpecDiagnostic> Check(BerthSpec spec, PriceCatalog catalog)
    {
        var errors = new List<SpecDiagnostic>();
        var names = catalog.Instances.Select(i => i.Name).ToArray();
        for (var i = 0; i < spec.Eks.NodeGroups.Count; i++)
        {
            var g = spec.Eks.NodeGroups[i];
            var path = $"eks.nodeGroups[{i}] ({g.Name}).instanceType";
            if (catalog.Instance(g.InstanceType) is null)
            {
                errors.Add(new SpecDiagnostic(g.Location,
                    $"{path}: unknown instance type '{g.InstanceType}'{Suggest.DidYouMean(g.InstanceType, names)}; expected one of the catalog's {names.Length} types (berth catalog show)"));
                continue;
            }

            var overridden = spec.Pricing.Ec2Overrides.TryGetValue(g.InstanceType, out var o)
                && (g.CapacityType == CapacityType.OnDemand ? o.OnDemand : o.Spot) is not null;
            var priced = g.CapacityType == CapacityType.OnDemand
                ? catalog.OnDemand(spec.Region, g.InstanceType)
                : catalog.Spot(spec.Region, g.InstanceType);
            if (priced is null && !overridden)
            {
                errors.Add(new SpecDiagnostic(g.Location,
                    $"{path}: the catalog has no {SpecEnums.CapacityType.NameOf(g.CapacityType)} price for {g.InstanceType}; add one under pricing.overrides.ec2.{g.InstanceType}"));
            }
        }

        return errors;
    }
}
