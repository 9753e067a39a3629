using System.Globalization;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// Checks what berth.yaml names against the catalog, so an unknown instance type — or a request nothing could run —
/// is reported where it is written (file:line:column) rather than later as a missing price or an empty plan.
/// </summary>
public static class SpecPriceCheck
{
    public static IReadOnlyList<SpecDiagnostic> Check(BerthSpec spec, PriceCatalog catalog)
    {
        var errors = new List<SpecDiagnostic>();
        Requests(spec, catalog, errors);
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

    /// <summary>
    /// A replica larger than every instance type a NodePool could use and every Fargate size cannot run anywhere: an
    /// error at its cpu or memory, with a hint when whole cores look like millicores (<c>cpu: 500</c> for 500m).
    /// </summary>
    private static void Requests(BerthSpec spec, PriceCatalog catalog, List<SpecDiagnostic> errors)
    {
        var general = catalog.Instances.Where(IsGeneral).ToArray();
        if (general.Length == 0)
        {
            return;
        }

        var mostCpu = general.MaxBy(t => t.Vcpu)!;
        var mostMemory = general.MaxBy(t => t.MemoryMiB)!;
        var largestFargate = catalog.FargateSizes.Count == 0 ? null : catalog.FargateSizes.MaxBy(f => (f.CpuUnits, f.MemoryMiB));
        foreach (var s in spec.Services.GroupBy(s => s.BaseName).Select(g => g.First()))
        {
            var path = $"services ({s.BaseName})";
            var vcpu = s.Cpu.Value / 1000m;
            if (vcpu > mostCpu.Vcpu)
            {
                var hint = s.Cpu.Value % 1000 == 0 && vcpu >= 10 && vcpu <= mostCpu.Vcpu * 1000
                    ? string.Create(CultureInfo.InvariantCulture, $" — did you mean {vcpu}m ({vcpu / 1000m} vCPU)? A number without a unit is whole vCPUs")
                    : "";
                errors.Add(new SpecDiagnostic(s.CpuAt, string.Create(CultureInfo.InvariantCulture,
                    $"{path}.cpu: {vcpu} vCPU per replica is more than any instance type ({mostCpu.Name}, {mostCpu.Vcpu} vCPU) or Fargate task ({(largestFargate is null ? 0 : largestFargate.Vcpu)} vCPU) can hold{hint}")));
            }

            if (s.Memory.MiB > mostMemory.MemoryMiB)
            {
                errors.Add(new SpecDiagnostic(s.MemoryAt, string.Create(CultureInfo.InvariantCulture,
                    $"{path}.memory: {s.Memory} per replica is more than any instance type ({mostMemory.Name}, {mostMemory.MemoryMiB / 1024} GiB) can hold; expected a request such as 512Mi or 4Gi")));
            }
        }
    }

    /// <summary>
    /// The types a NodePool could use without asking for them by family: virtualised, without GPUs or accelerators,
    /// and not the u- high-memory hosts AWS sells for SAP HANA.
    /// </summary>
    public static bool IsGeneral(InstanceTypeInfo t) => !t.BareMetal && t.GpuCount == 0 && t.NeuronCount == 0 && t.Category != "u";
}
