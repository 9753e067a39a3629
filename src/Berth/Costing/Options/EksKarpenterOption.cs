using System.Globalization;
using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>
/// EKS with Karpenter: each hour of the week's pods packed as Karpenter would (the price of the option), and as
/// Berth's packer would (the saving it could make, as its own figure); nodes with their root volumes, Spot and
/// on-demand on separate lines.
/// </summary>
public sealed class EksKarpenterOption : ICostOptionBuilder
{
    public const string OptionId = "eks-karpenter";

    /// <summary>The root volume of Karpenter's default AL2023 EC2NodeClass: 20 GiB gp3.</summary>
    public const int RootVolumeGb = 20;

    public string Id => OptionId;

    public int Order => 1;

    public CostOption? Build(CostContext c)
    {
        if (!c.Spec.Eks.Karpenter.Enabled)
        {
            return null;
        }

        var plan = HourlyPlan.For(c.Spec, c.Prices, withBerthMode: !c.TotalsOnly);
        var scale = c.Hours * c.Clusters / DemandProfile.HoursPerWeek;
        var lines = new List<LineItem> { LineItems.ControlPlane(c) };
        var onDemand = new List<LineItem>();
        foreach (var ((type, capacity), nodeHours) in plan.KarpenterNodeHours.OrderBy(k => k.Key.Capacity).ThenBy(k => k.Key.Type, StringComparer.Ordinal))
        {
            var t = Array.FindIndex(plan.Table.Types, i => i.Name == type);
            var quote = capacity == CapacityType.Spot ? plan.Table.SpotQuotes[t]! : plan.Table.OnDemandQuotes[t];
            var average = nodeHours / (decimal)DemandProfile.HoursPerWeek;
            var line = LineItem.Create(
                string.Create(CultureInfo.InvariantCulture, $"Karpenter nodes: {type} {SpecEnums.CapacityType.NameOf(capacity)} (avg {average:0.##} nodes){c.ClusterSuffix}"),
                nodeHours * scale, "node-hour", quote.UsdPerHour, capacity == CapacityType.Spot ? "spot" : "compute", estimated: quote.Estimated, note: quote.Note);
            lines.Add(line);
            if (capacity == CapacityType.OnDemand)
            {
                onDemand.Add(line);
            }
        }

        var totalNodeHours = plan.KarpenterNodeHours.Values.Sum() * scale;
        if (totalNodeHours > 0)
        {
            var ebs = c.Prices.Catalog.Storage(c.Prices.Region, "gp3");
            lines.Add(LineItem.Create($"node root volumes: {RootVolumeGb} GB gp3 each{c.ClusterSuffix}", totalNodeHours * RootVolumeGb / c.Hours, "GB-month",
                ebs.UsdPerHour, "storage", estimated: ebs.Estimated, note: ebs.Note));
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Eks(c.Spec, c.Clusters, nodeGroups: 0)));

        var notes = new List<string>
        {
            "nodes as Karpenter's scheduler would pack each hour's pods (cheapest compatible type; Spot when every pod on the node tolerates it and Spot is cheaper); no zones, topology spread or consolidation delays (berth simulate models those)",
        };
        if (plan.UnschedulablePodHours > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{plan.UnschedulablePodHours} pod-hours a week fit no allowed instance type and are not priced: widen eks.karpenter's instanceCpu or categories"));
        }

        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["karpenterModeNodesMonthlyUsd"] = Money.Cents(plan.KarpenterWeeklyUsd * scale),
            ["lowerBoundNodesMonthlyUsd"] = Money.Cents((decimal)plan.LowerBoundWeeklyUsd * scale),
        };
        if (plan.BerthWeeklyUsd is { } berth)
        {
            figures["berthModeNodesMonthlyUsd"] = Money.Cents(berth * scale);
            figures["berthModeSavingMonthlyUsd"] = Money.Cents((plan.KarpenterWeeklyUsd - berth) * scale);
        }
        return new CostOption(OptionId, "eks", "EKS with Karpenter", lines, notes, figures);
    }
}

/// <summary>The week of hourly packings behind the eks-karpenter option; hours with the same replicas share one packing.</summary>
public sealed record HourlyPlan(
    NodeTypeTable Table,
    IReadOnlyDictionary<(string Type, CapacityType Capacity), decimal> KarpenterNodeHours,
    decimal KarpenterWeeklyUsd,
    decimal? BerthWeeklyUsd,
    double LowerBoundWeeklyUsd,
    int UnschedulablePodHours)
{
    public static HourlyPlan For(BerthSpec spec, PriceBook prices, bool withBerthMode = true)
    {
        var table = NodeTypeTable.Build(prices, spec.Eks.Karpenter, spec.Eks.DaemonSetOverhead);
        var hourly = spec.Services.Select(ReplicaSchedule.Hourly).ToArray();
        var cache = new Dictionary<string, (PackingResult Karpenter, PackingResult? Berth)>(StringComparer.Ordinal);
        var nodeHours = new SortedDictionary<(string, CapacityType), decimal>();
        decimal karpenterUsd = 0, berthUsd = 0;
        double bound = 0;
        var unschedulable = 0;
        for (var h = 0; h < DemandProfile.HoursPerWeek; h++)
        {
            var key = string.Join(',', hourly.Select(s => s[h].ToString(CultureInfo.InvariantCulture)));
            if (!cache.TryGetValue(key, out var packed))
            {
                var pods = PodSet.AtHour(spec, h);
                var k = KarpenterPacker.Pack(table, pods);
                packed = (k, withBerthMode ? BerthPacker.Pack(table, pods, k) : null);
                cache[key] = packed;
            }

            foreach (var n in packed.Karpenter.Nodes)
            {
                nodeHours[(n.InstanceType, n.Capacity)] = nodeHours.GetValueOrDefault((n.InstanceType, n.Capacity)) + 1;
            }

            karpenterUsd += packed.Karpenter.HourlyUsd;
            berthUsd += packed.Berth?.HourlyUsd ?? 0;
            bound += packed.Karpenter.LowerBoundHourlyUsd;
            unschedulable += packed.Karpenter.Unschedulable.Count;
        }

        return new HourlyPlan(table, nodeHours, karpenterUsd, withBerthMode ? berthUsd : null, bound, unschedulable);
    }
}
