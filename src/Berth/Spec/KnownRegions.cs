namespace Berth.Spec;

/// <summary>
/// AWS regions Berth has price facts for: the union of the regions in shared/data/aws/ondemand_prices.csv,
/// fargate_prices.csv and spot_advisor.csv (see SOURCES.md there). A region outside this list cannot be priced
/// even as an estimate, so berth.yaml rejects it.
/// </summary>
public static class KnownRegions
{
    public const string Default = "us-east-1";

    public static IReadOnlyList<string> All { get; } =
    [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
        "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1",
        "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1",
        "us-gov-west-1", "us-west-1", "us-west-2",
    ];

    public static bool Contains(string region) => All.Contains(region, StringComparer.Ordinal);
}
