using System.Globalization;

namespace Berth.Catalog;

/// <summary>Sanity checks a catalog must pass before it is used or written: an update never replaces a good catalog with a broken one.</summary>
public static class CatalogValidator
{
    public static void Check(CatalogData data, string file)
    {
        if (data.Instances.Count == 0)
        {
            throw new CatalogException($"{file}: has no instance types");
        }

        if (data.Ec2.Count == 0)
        {
            throw new CatalogException($"{file}: has no EC2 prices");
        }

        if (data.FargateSizes.Count == 0 || data.Fargate.Count == 0)
        {
            throw new CatalogException($"{file}: has no Fargate prices or sizes");
        }

        if (!data.Ec2.Any(r => r.Region == data.ReferenceRegion))
        {
            throw new CatalogException($"{file}: has no EC2 prices for its reference region {data.ReferenceRegion}");
        }

        Unique(data.Instances.Select(i => i.Name), file, "instance type");
        Unique(data.Ec2.Select(r => r.Region + " " + r.InstanceType), file, "EC2 price");
        Unique(data.Spot.Select(r => r.Region + " " + r.InstanceType), file, "Spot advisor row");
        Unique(data.Fargate.Select(r => r.Region + " " + r.Arch), file, "Fargate price");

        foreach (var r in data.Ec2)
        {
            // No EC2 Linux instance costs nothing or more than the largest u-* instances (~$110/h).
            if (r.UsdPerHour <= 0 || r.UsdPerHour > 500)
            {
                throw new CatalogException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: EC2 price of {r.InstanceType} in {r.Region} is {r.UsdPerHour} USD/h; expected more than 0 and at most 500"));
            }
        }

        foreach (var r in data.Fargate)
        {
            if (r.VcpuHour <= 0 || r.GbHour <= 0 || r.VcpuHour > 1 || r.GbHour > 1)
            {
                throw new CatalogException($"{file}: Fargate price for {r.Region} is out of range; expected per-vCPU-hour and per-GB-hour prices above 0 and below 1 USD");
            }
        }

        foreach (var r in data.Spot)
        {
            // Savings can be negative: Spot sometimes costs more than on-demand (p5.48xlarge in ca-central-1: -62%).
            if (r.SavingsPct is < -100 or > 100 || r.InterruptionBucket is < 0 or > 4)
            {
                throw new CatalogException($"{file}: Spot advisor row for {r.InstanceType} in {r.Region} is out of range");
            }
        }
    }

    private static void Unique(IEnumerable<string> keys, string file, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (!seen.Add(k))
            {
                throw new CatalogException($"{file}: duplicate {what} '{k}'");
            }
        }
    }
}
