using Berth.Catalog;
using Berth.Formatting;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>
/// ECS on Fargate: each service's task at its plan's Fargate size, spread over FARGATE and FARGATE_SPOT by its
/// capacity provider strategy hour by hour, plus ephemeral storage above the free 20 GB.
/// </summary>
public sealed class EcsFargateOption : ICostOptionBuilder
{
    public const string OptionId = OptionIds.EcsFargate;

    /// <summary>Fargate includes 20 GB of ephemeral storage per task; more is billed per GB-hour.</summary>
    public const int FreeStorageGb = FargatePricing.FreeStorageGb;

    public string Id => OptionId;

    public int Order => 0;

    public CostOption? Build(CostContext c)
    {
        if (c.Plans.Find<EcsFargatePlan>() is not { } plan)
        {
            return null;
        }

        var lines = new List<LineItem>();
        var onDemand = new List<LineItem>();
        decimal waste = 0;
        foreach (var svc in plan.Services)
        {
            if (svc.Task is not { } task)
            {
                continue;
            }

            var s = svc.Service;
            var q = task.Quote;
            var (odHours, spotHours) = TaskHours(svc.HourlyTasks, svc.Strategy, c);
            var arch = s.Arch == CpuArch.Arm64 ? ", ARM" : "";
            if (odHours > 0)
            {
                var line = LineItem.Create($"{s.Name}: {task.SizeText} task{arch} on FARGATE{c.ClusterSuffix}", odHours, "task-hour", task.OnDemandUsdPerHour, "compute",
                    price: LineItems.Combined(task.OnDemandUsdPerHour, q.Vcpu, q.Gb));
                lines.Add(line);
                onDemand.Add(line);
                waste += odHours * task.OnDemandWastePerHour;
            }

            if (spotHours > 0)
            {
                lines.Add(LineItem.Create($"{s.Name}: {task.SizeText} task on FARGATE_SPOT{c.ClusterSuffix}", spotHours, "task-hour", task.SpotUsdPerHour, "spot",
                    price: LineItems.Combined(task.SpotUsdPerHour, q.SpotVcpu, q.SpotGb)));
                waste += spotHours * task.SpotWastePerHour;
            }

            if (task.ExtraStorageGb > 0)
            {
                lines.Add(LineItem.Create($"{s.Name}: ephemeral storage above {FreeStorageGb} GB ({Fmt.Number(task.ExtraStorageGb)} GB per task){c.ClusterSuffix}",
                    task.ExtraStorageGb * (odHours + spotHours), "GB-hour", q.StorageGb.UsdPerHour, "storage",
                    price: q.StorageGb));
            }
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Ecs(c.Spec, c.Clusters)));
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["fargateRoundingWasteMonthlyUsd"] = Money.Cents(waste),
        };
        return new CostOption(OptionId, plan.Platform, plan.Title, lines, plan.Notes, figures) { Infeasible = plan.Infeasible };
    }

    /// <summary>Monthly task-hours on FARGATE and FARGATE_SPOT: the strategy applied to each hour's task count.</summary>
    public static (decimal OnDemand, decimal Spot) TaskHours(IReadOnlyList<int> hourlyTasks, IReadOnlyList<CapacityProviderItem> strategy, CostContext c)
    {
        long od = 0, spot = 0;
        var splits = new Dictionary<int, int[]>();
        foreach (var tasks in hourlyTasks)
        {
            if (!splits.TryGetValue(tasks, out var split))
            {
                splits[tasks] = split = CapacityProviderSplit.Split(strategy, tasks);
            }

            for (var i = 0; i < split.Length; i++)
            {
                if (strategy[i].Provider == EcsSpec.FargateSpot)
                {
                    spot += split[i];
                }
                else
                {
                    od += split[i];
                }
            }
        }

        // Multiply before dividing so a whole week of tasks gives exact task-hours.
        return (od * c.Hours * c.Clusters / DemandProfile.HoursPerWeek, spot * c.Hours * c.Clusters / DemandProfile.HoursPerWeek);
    }
}
