using System.Globalization;
using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// Builds Berth's catalog from the fact files of shared/data/aws (see SOURCES.md there). Run by
/// <c>berth catalog build --from ../shared/data/aws</c>; the result is committed as Catalog/Data/catalog.json.
/// </summary>
public static class SharedFactsImporter
{
    public const string ReferenceRegion = "us-east-1";

    // Facts SOURCES.md states in prose rather than in a CSV (AWS pricing pages, 2026).
    private static readonly PriceSource AwsPricing2026 = new("AWS pricing pages (shared/data/aws/SOURCES.md)", "2026", Current: true);
    private const decimal FargateArmVcpuHourUsEast1 = 0.03238m;
    private const decimal FargateArmGbHourUsEast1 = 0.00356m;
    private const decimal FargateStorageGbHourUsEast1 = 0.000111m;
    private const decimal EksStandardHour = 0.10m;
    private const decimal EksExtendedHour = 0.60m;

    // SOURCES.md: the 2021 Fargate on-demand figures of these regions are unchanged in 2026.
    private static readonly string[] FargateConfirmedCurrent = ["us-east-1", "eu-west-1"];

    public static CatalogData Build(string folder)
    {
        string Read(string name)
        {
            var path = Path.Combine(folder, name);
            try
            {
                return Files.InputFile.ReadAllText(path, CatalogLimits.MaxFactFileBytes);
            }
            catch (Files.InputFileException e) when (e.Problem == Files.InputProblem.NotFound)
            {
                throw new CatalogException($"{path}: not found; expected the shared/data/aws fact files", e);
            }
            catch (Files.InputFileException e)
            {
                throw new CatalogException(e.Message, e);
            }
        }

        var eni = Csv.ReadWithHeader(Read("eni_limits.csv"), "eni_limits.csv")
            .ToDictionary(r => r["instance_type"], StringComparer.Ordinal);
        var instances = Csv.ReadWithHeader(Read("instance_specs.csv"), "instance_specs.csv")
            .Select(r =>
            {
                eni.TryGetValue(r["instance_type"], out var e);
                return new InstanceTypeInfo(
                    r["instance_type"],
                    Int(r["vcpu"]),
                    long.Parse(r["memory_mib"], CultureInfo.InvariantCulture),
                    r["arch"] == "arm64" ? CpuArch.Arm64 : CpuArch.X64,
                    r["family"],
                    r["category"],
                    Int(r["generation"]),
                    r["size"],
                    r["hypervisor"],
                    e is not null ? e["is_bare_metal"] == "true" : r["size"].Contains("metal", StringComparison.Ordinal),
                    IntOr0(r["gpu_count"]),
                    IntOr0(r["neuron"]),
                    r["efa"].Length > 0 && r["efa"] != "0",
                    e is null ? null : Int(e["default_card_max_enis"]),
                    e is null ? null : Int(e["ipv4_per_eni"]),
                    e is null ? null : Int(e["eni_max_pods"]),
                    r["gpu_name"].Length > 0 ? $"{r["gpu_manufacturer"]}-{r["gpu_name"]}" : "");
            })
            .ToArray();

        var sources = new Dictionary<(string, string), PriceSource>();
        PriceSource Source(string text, string asOf, bool current)
        {
            if (!sources.TryGetValue((text, asOf), out var s))
            {
                sources[(text, asOf)] = s = new PriceSource(text, asOf, current);
            }

            return s;
        }

        var ec2 = Csv.ReadWithHeader(Read("ondemand_prices.csv"), "ondemand_prices.csv")
            .Select(r => new Ec2PriceRow(
                r["region"],
                r["instance_type"],
                decimal.Parse(r["usd_per_hour"], NumberStyles.Float, CultureInfo.InvariantCulture),
                // Karpenter's generated prices (us-east-1, us-gov-*) are current; the other regions' are from 2020 (SOURCES.md).
                Source(r["source"], r["as_of"], r["source"].StartsWith("karpenter-provider-aws", StringComparison.Ordinal))))
            .ToArray();

        var spotSource = Source("AWS Spot Instance Advisor via alexei-led/spotinfo @5eedf20", "2025-06-28", current: true);
        var spot = Csv.ReadWithHeader(Read("spot_advisor.csv"), "spot_advisor.csv")
            .Where(r => r["os"] == "Linux")
            .Select(r => new SpotAdvisorRow(r["region"], r["instance_type"], Int(r["savings_pct_vs_ondemand"]), Int(r["interruption_bucket"]), spotSource))
            .ToArray();

        var fargate = new List<FargatePriceRow>();
        foreach (var r in Csv.ReadWithHeader(Read("fargate_prices.csv"), "fargate_prices.csv"))
        {
            if (r["os_arch"] != "linux/x86_64")
            {
                continue;
            }

            var current = FargateConfirmedCurrent.Contains(r["region"], StringComparer.Ordinal);
            var text = current
                ? r["source"] + " (unchanged on the AWS pricing page in 2026, SOURCES.md)"
                : r["source"];
            fargate.Add(new FargatePriceRow(
                r["region"],
                CpuArch.X64,
                Dec(r["usd_per_vcpu_hour"]),
                Dec(r["usd_per_gb_hour"]),
                DecOrNull(r["spot_usd_per_vcpu_hour"]),
                DecOrNull(r["spot_usd_per_gb_hour"]),
                FargateStorageGbHourUsEast1,
                Source(text, r["as_of"], current)));
        }

        // Graviton Fargate: only us-east-1 is published in the facts; other regions are estimated at lookup time.
        fargate.Add(new FargatePriceRow(ReferenceRegion, CpuArch.Arm64, FargateArmVcpuHourUsEast1, FargateArmGbHourUsEast1, null, null,
            FargateStorageGbHourUsEast1, AwsPricing2026));

        var sizes = Csv.ReadWithHeader(Read("fargate_configs.csv"), "fargate_configs.csv")
            .Select(r => new FargateSize(Int(r["cpu_units"]), Int(r["memory_mib"])))
            .ToArray();

        ControlPlanePrice[] controlPlane =
        [
            new(SupportTier.Standard, EksStandardHour, AwsPricing2026),
            new(SupportTier.Extended, EksExtendedHour, AwsPricing2026),
        ];

        // Node root volumes: gp3 at $0.08 per GB-month in us-east-1 (AWS EBS pricing page). Not in shared/data/aws,
        // so its source says so; other regions are estimated by their EC2 price ratio.
        StoragePrice[] storage = [new(ReferenceRegion, "gp3", 0.08m, new PriceSource("AWS EBS pricing page, gp3 (not in shared/data/aws)", "2026", Current: true))];

        var data = new CatalogData(ReferenceRegion, instances, ec2, spot, fargate, sizes, controlPlane, storage).Normalized();
        CatalogValidator.Check(data, folder);
        return data;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static int IntOr0(string s) => s.Length == 0 ? 0 : Int(s);

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal? DecOrNull(string s) => s.Length == 0 ? null : Dec(s);
}
