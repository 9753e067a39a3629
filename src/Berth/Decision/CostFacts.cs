using Berth.Costing;
using Berth.Formatting;

namespace Berth.Decision;

/// <summary>What the criteria that argue from cost read in a cost report: the cheapest option of each platform that can run the workload.</summary>
internal static class CostFacts
{
    /// <summary>The platform ids of <see cref="CostOption.Platform"/> (Planning's <c>OptionPlan.Platform</c>).</summary>
    public const string Ecs = "ecs";
    public const string Eks = "eks";

    /// <summary>Two monthly figures closer than this share of the larger are a tie: Berth's prices and engineering estimates are not that precise.</summary>
    public const decimal TiePercent = 10m;

    /// <summary>The cheapest option of <paramref name="platform"/> that can run the workload, by total (or infrastructure); null when none can.</summary>
    public static CostOption? Cheapest(CostReport costs, string platform, bool infrastructureOnly = false) =>
        costs.Ranked(infrastructureOnly).FirstOrDefault(o => o.Feasible && o.Platform == platform);

    public static CostOption? Feasible(CostReport costs, string id) =>
        costs.Options.FirstOrDefault(o => o.Id == id && o.Feasible);

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> differ by less than <see cref="TiePercent"/> of the larger.</summary>
    public static bool Tie(decimal a, decimal b) => Math.Abs(a - b) * 100m < Math.Max(a, b) * TiePercent;

    /// <summary>A figure exactly as the cost summary prints it: "$1,290.00".</summary>
    public static string Usd(decimal value) => "$" + Fmt.Usd(value);
}
