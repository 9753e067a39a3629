using System.Globalization;
using Berth.Spec;

namespace Berth.Catalog;

public sealed record PriceChange(string What, string Region, string Item, decimal? Before, decimal? After)
{
    public string Kind => (Before, After) switch
    {
        (null, _) => "added",
        (_, null) => "removed",
        _ => "changed",
    };

    public string Describe() => Kind switch
    {
        "added" => string.Create(CultureInfo.InvariantCulture, $"+ {What} {Region} {Item}: {After}"),
        "removed" => string.Create(CultureInfo.InvariantCulture, $"- {What} {Region} {Item}: {Before}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"~ {What} {Region} {Item}: {Before} → {After} ({(After!.Value - Before!.Value) / Before.Value:+0.0%;-0.0%})"),
    };
}

/// <summary>What changed between two catalogs, price by price, sorted.</summary>
public static class CatalogDiff
{
    public static IReadOnlyList<PriceChange> Compare(CatalogData before, CatalogData after)
    {
        var changes = new List<PriceChange>();
        Diff(changes, "ec2", before.Ec2.ToDictionary(r => (r.Region, r.InstanceType), r => r.UsdPerHour), after.Ec2.ToDictionary(r => (r.Region, r.InstanceType), r => r.UsdPerHour));
        foreach (var (name, pick) in new (string, Func<FargatePriceRow, decimal?>)[]
        {
            ("fargate vCPU-hour", r => r.VcpuHour),
            ("fargate GB-hour", r => r.GbHour),
            ("fargate Spot vCPU-hour", r => r.SpotVcpuHour),
            ("fargate Spot GB-hour", r => r.SpotGbHour),
            ("fargate storage GB-hour", r => r.StorageGbHour),
        })
        {
            Diff(changes, name,
                before.Fargate.Where(r => pick(r) is not null).ToDictionary(r => (r.Region, SpecEnums.ServiceArch.NameOf(r.Arch)), r => pick(r)!.Value),
                after.Fargate.Where(r => pick(r) is not null).ToDictionary(r => (r.Region, SpecEnums.ServiceArch.NameOf(r.Arch)), r => pick(r)!.Value));
        }

        Diff(changes, "eks control plane",
            before.ControlPlane.ToDictionary(c => ("all", SpecEnums.SupportTier.NameOf(c.Tier)), c => c.UsdPerHour),
            after.ControlPlane.ToDictionary(c => ("all", SpecEnums.SupportTier.NameOf(c.Tier)), c => c.UsdPerHour));
        return changes
            .OrderBy(c => c.What, StringComparer.Ordinal)
            .ThenBy(c => c.Region, StringComparer.Ordinal)
            .ThenBy(c => c.Item, StringComparer.Ordinal)
            .ToArray();
    }

    private static void Diff(List<PriceChange> changes, string what, Dictionary<(string, string), decimal> before, Dictionary<(string, string), decimal> after)
    {
        foreach (var (key, b) in before)
        {
            if (!after.TryGetValue(key, out var a))
            {
                changes.Add(new PriceChange(what, key.Item1, key.Item2, b, null));
            }
            else if (a != b)
            {
                changes.Add(new PriceChange(what, key.Item1, key.Item2, b, a));
            }
        }

        foreach (var (key, a) in after)
        {
            if (!before.ContainsKey(key))
            {
                changes.Add(new PriceChange(what, key.Item1, key.Item2, null, a));
            }
        }
    }
}
