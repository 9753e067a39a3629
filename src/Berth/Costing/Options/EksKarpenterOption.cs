using System.Globalization;
using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>
/// EKS with Karpenter: each hour of the week's pods packed under the plan's NodePools as Karpenter would (the price of
/// the option), and as Berth's packer would (the saving it could make, as its own figure); nodes with their root
/// volumes at the plan's size; the controllers' managed node group; Spot and on-demand on separate lines.
/// </summary>
public sealed class EksKarpenterOption : ICostOptionBuilder
{
    public const string OptionId = OptionIds.EksKarpenter;

    /// <summary>The root volume of Karpenter's default AL2023 EC2NodeClass: 20 GiB gp3 (the plan's when pods request storage).</summary>
    public const int RootVolumeGb = Allocatable.DefaultRootVolumeGiB;

    /// <summary>A managed node group's default disk: 20 GiB gp3.</summary>
    public const int SystemVolumeGb = SystemNodeGroupPlan.DiskGiB;

    public string Id => OptionId;

    public int Order => 1;

    public CostOption? Build(CostContext c)
    {
        if (c.Plans.Find<KarpenterPlan>() is not { } plan)
        {
            return null;
        }

        var hourly = HourlyPlan.For(plan, withBerthMode: !c.TotalsOnly);
        var scale = c.Hours * c.Clusters / DemandProfile.HoursPerWeek;
        var lines = new List<LineItem> { LineItems.ControlPlane(c) };
        var onDemand = new List<LineItem>();
        var system = plan.System;
        if (system.Count > 0)
        {
            var line = LineItem.Create($"system node group: {system.Count} × {system.Type.Name} on-demand (the cluster's controllers){c.ClusterSuffix}",
                system.Count * c.Hours * c.Clusters, "node-hour", system.Price.UsdPerHour, "compute", price: system.Price);
            lines.Add(line);
            onDemand.Add(line);
        }

        foreach (var ((pool, type, capacity), nodeHours) in hourly.NodeHours)
        {
            var table = plan.Pool(pool).Types;
            var t = table.IndexOf(type);
            var quote = capacity == CapacityType.Spot ? table.SpotQuotes[t]! : table.OnDemandQuotes[t];
            var average = nodeHours / (decimal)DemandProfile.HoursPerWeek;
            var line = LineItem.Create(
                string.Create(CultureInfo.InvariantCulture, $"NodePool {pool}: {type} {SpecEnums.CapacityType.NameOf(capacity)} (avg {average:0.##} nodes){c.ClusterSuffix}"),
                nodeHours * scale, "node-hour", quote.UsdPerHour, capacity == CapacityType.Spot ? "spot" : "compute", price: quote);
            lines.Add(line);
            if (capacity == CapacityType.OnDemand)
            {
                onDemand.Add(line);
            }
        }

        var ebs = c.Prices.Catalog.Storage(c.Prices.Region, "gp3");
        var totalNodeHours = hourly.NodeHours.Values.Sum() * scale;
        if (totalNodeHours > 0)
        {
            lines.Add(LineItem.Create($"Karpenter node root volumes: {plan.NodeClass.RootVolumeGiB} GB gp3 each{c.ClusterSuffix}", totalNodeHours * plan.NodeClass.RootVolumeGiB / c.Hours, "GB-month",
                ebs.UsdPerHour, "storage", price: ebs));
        }

        if (system.Count > 0)
        {
            lines.Add(LineItem.Create($"system node root volumes: {SystemVolumeGb} GB gp3 each{c.ClusterSuffix}", system.Count * c.Clusters * SystemVolumeGb, "GB-month",
                ebs.UsdPerHour, "storage", price: ebs));
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Eks(c.Spec, c.Clusters, nodeGroups: 0)));

        var notes = new List<string>
        {
            "nodes as Karpenter's scheduler would pack each hour's pods under the plan's NodePools (taints, selectors, the Spot preference, zone spread, ephemeral storage, limits; the cheapest compatible type); no consolidation delays (berth simulate models those)",
        };
        notes.AddRange(plan.Notes);
        var infeasible = new List<string>(plan.Infeasible);
        if (hourly.PendingPodHours > 0 && plan.Feasible)
        {
            infeasible.Add(string.Create(CultureInfo.InvariantCulture,
                $"{hourly.PendingPodHours} pod-hours a week stay pending (worst hour {ReplicaSchedule.HourOfWeek(hourly.WorstHour)}: {hourly.WorstPending} pods{(hourly.OverLimitPodHours > 0 ? ", NodePool limits reached" : "")}): raise the NodePool limits or widen the instance types"));
        }

        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["karpenterModeNodesMonthlyUsd"] = Money.Cents(hourly.KarpenterWeeklyUsd * scale),
            ["lowerBoundNodesMonthlyUsd"] = Money.Cents((decimal)hourly.LowerBoundWeeklyUsd * scale),
        };
        if (hourly.BerthWeeklyUsd is { } berth)
        {
            figures["berthModeNodesMonthlyUsd"] = Money.Cents(berth * scale);
            figures["berthModeSavingMonthlyUsd"] = Money.Cents((hourly.KarpenterWeeklyUsd - berth) * scale);
        }

        return new CostOption(OptionId, plan.Platform, plan.Title, lines, notes, figures) { Infeasible = infeasible };
    }
}

/// <summary>The week of hourly packings behind the eks-karpenter option; hours with the same replicas share one packing.</summary>
public sealed record HourlyPlan(
    IReadOnlyDictionary<(string Pool, string Type, CapacityType Capacity), decimal> NodeHours,
    decimal KarpenterWeeklyUsd,
    decimal? BerthWeeklyUsd,
    double LowerBoundWeeklyUsd,
    int PendingPodHours,
    int OverLimitPodHours,
    int WorstHour,
    int WorstPending)
{
    public static HourlyPlan For(KarpenterPlan plan, bool withBerthMode = true)
    {
        var problem = PackingProblem.From(plan);
        var cache = new Dictionary<string, (PackingResult Karpenter, PackingResult? Berth)>(StringComparer.Ordinal);
        var nodeHours = new SortedDictionary<(string, string, CapacityType), decimal>();
        decimal karpenterUsd = 0, berthUsd = 0;
        double bound = 0;
        int pending = 0, overLimit = 0, worstHour = 0, worstPending = 0;
        for (var h = 0; h < DemandProfile.HoursPerWeek; h++)
        {
            var key = string.Join(',', plan.Workloads.Select(w => w.HourlyReplicas[h].ToString(CultureInfo.InvariantCulture)));
            if (!cache.TryGetValue(key, out var packed))
            {
                var pods = PodSet.AtHour(plan, h);
                var k = KarpenterPacker.Pack(problem, pods);
                packed = (k, withBerthMode ? BerthPacker.Pack(problem, pods, k) : null);
                cache[key] = packed;
            }

            foreach (var n in packed.Karpenter.Nodes)
            {
                nodeHours[(n.Pool, n.InstanceType, n.Capacity)] = nodeHours.GetValueOrDefault((n.Pool, n.InstanceType, n.Capacity)) + 1;
            }

            karpenterUsd += packed.Karpenter.HourlyUsd;
            berthUsd += packed.Berth?.HourlyUsd ?? 0;
            bound += packed.Karpenter.LowerBoundHourlyUsd;
            pending += packed.Karpenter.Unschedulable.Count;
            overLimit += packed.Karpenter.OverLimit.Count;
            if (packed.Karpenter.Unschedulable.Count > worstPending)
            {
                worstPending = packed.Karpenter.Unschedulable.Count;
                worstHour = h;
            }
        }

        return new HourlyPlan(nodeHours, karpenterUsd, withBerthMode ? berthUsd : null, bound, pending, overLimit, worstHour, worstPending);
    }
}
