using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>
/// EKS on Fargate: every pod its own Fargate task at the plan's size (requests plus 256 MB), the cluster's controllers
/// as Fargate pods too, and the control plane. No Spot, no Arm.
/// </summary>
public sealed class EksFargateOption : ICostOptionBuilder
{
    public const string OptionId = OptionIds.EksFargate;

    /// <summary>Memory EKS adds to every Fargate pod for the Kubernetes components.</summary>
    public static readonly ByteSize PodOverhead = FargatePricing.EksPodOverhead;

    public string Id => OptionId;

    public int Order => 3;

    public CostOption? Build(CostContext c)
    {
        if (c.Plans.Find<EksFargatePlan>() is not { } plan)
        {
            return null;
        }

        var lines = new List<LineItem> { LineItems.ControlPlane(c) };
        var onDemand = new List<LineItem>();
        decimal waste = 0;
        foreach (var pod in plan.Pods)
        {
            if (pod.Task is not { } task)
            {
                continue;
            }

            var s = pod.Service;
            var q = task.Quote;
            var podHours = pod.HourlyPods.Sum() * c.Hours * c.Clusters / DemandProfile.HoursPerWeek;
            var line = LineItem.Create($"{s.Name}: {task.SizeText} pod{c.ClusterSuffix}", podHours, "pod-hour", task.OnDemandUsdPerHour, "compute",
                price: LineItems.Combined(task.OnDemandUsdPerHour, q.Vcpu, q.Gb));
            lines.Add(line);
            onDemand.Add(line);
            waste += podHours * task.OnDemandWastePerHour;
            if (task.ExtraStorageGb > 0)
            {
                lines.Add(LineItem.Create($"{s.Name}: ephemeral storage above {FargatePricing.FreeStorageGb} GB{c.ClusterSuffix}",
                    task.ExtraStorageGb * podHours, "GB-hour", q.StorageGb.UsdPerHour, "storage", price: q.StorageGb));
            }
        }

        // The controllers (CoreDNS, the load balancer controller, ArgoCD, KEDA) as Fargate pods, one line per size.
        foreach (var group in plan.Controllers.GroupBy(x => x.Task.Size).OrderBy(g => g.Key.CpuUnits).ThenBy(g => g.Key.MemoryMiB))
        {
            var task = group.First().Task;
            var q = task.Quote;
            var count = group.Sum(x => x.Controller.Replicas);
            var names = string.Join(", ", group.Select(x => x.Controller.Name));
            var line = LineItem.Create($"cluster controllers: {count} × {task.SizeText} pod ({names}){c.ClusterSuffix}", count * c.Hours * c.Clusters, "pod-hour",
                task.OnDemandUsdPerHour, "compute", price: LineItems.Combined(task.OnDemandUsdPerHour, q.Vcpu, q.Gb));
            lines.Add(line);
            onDemand.Add(line);
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Eks(c.Spec, c.Clusters, nodeGroups: 0, fargateOnly: true)));
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["fargateRoundingWasteMonthlyUsd"] = Money.Cents(waste),
        };
        return new CostOption(OptionId, plan.Platform, plan.Title, lines, plan.Notes, figures) { Infeasible = plan.Infeasible };
    }
}
