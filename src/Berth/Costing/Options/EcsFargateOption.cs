using Berth.Catalog;
using Berth.Formatting;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>
/// ECS on Fargate: each task billed at its valid Fargate size, spread over FARGATE and FARGATE_SPOT by the capacity
/// provider strategy hour by hour, plus ephemeral storage above the free 20 GB.
/// </summary>
public sealed class EcsFargateOption : ICostOptionBuilder
{
    public const string OptionId = "ecs-fargate";

    /// <summary>Fargate includes 20 GB of ephemeral storage per task; more is billed per GB-hour.</summary>
    public const int FreeStorageGb = 20;

    private static readonly CapacityProviderItem[] OnDemandOnly = [new(EcsSpec.Fargate, 0, 1)];

    public string Id => OptionId;

    public int Order => 0;

    public CostOption? Build(CostContext c)
    {
        var lines = new List<LineItem>();
        var onDemand = new List<LineItem>();
        var notes = new List<string>();
        decimal waste = 0;
        var armOnSpot = new List<string>();

        foreach (var s in c.Spec.Services)
        {
            var q = c.Prices.Fargate(s.Arch);
            var size = FargateSizing.Choose(c.Prices.Catalog.FargateSizes, s.Cpu, s.Memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
            if (size is null)
            {
                notes.Add($"{s.Name}: {s.Cpu} vCPU / {s.Memory} is larger than any Fargate task (16 vCPU / 120 GB); not priced");
                continue;
            }

            // Fargate Spot does not run Linux/ARM64 tasks (ECS developer guide, Fargate capacity providers).
            var useStrategy = s.Spot && s.Arch == CpuArch.X64;
            if (s.Spot && s.Arch == CpuArch.Arm64)
            {
                armOnSpot.Add(s.Name);
            }

            var strategy = useStrategy ? c.Spec.Ecs.CapacityProviderStrategy : OnDemandOnly;
            var (odHours, spotHours) = TaskHours(s, strategy, c);
            var sizeText = FargateSizing.Describe(size);
            var arch = s.Arch == CpuArch.Arm64 ? ", ARM" : "";

            if (odHours > 0)
            {
                var unit = FargateSizing.HourlyUsd(size, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
                var line = LineItem.Create($"{s.Name}: {sizeText} task{arch} on FARGATE{c.ClusterSuffix}", odHours, "task-hour", unit, "compute",
                    estimated: LineItems.Estimated(q.Vcpu, q.Gb), note: LineItems.Note(q.Vcpu, q.Gb));
                lines.Add(line);
                onDemand.Add(line);
                waste += odHours * FargateSizing.WastePerHour(size, s.Cpu, s.Memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
            }

            if (spotHours > 0)
            {
                var unit = FargateSizing.HourlyUsd(size, q.SpotVcpu.UsdPerHour, q.SpotGb.UsdPerHour);
                lines.Add(LineItem.Create($"{s.Name}: {sizeText} task on FARGATE_SPOT{c.ClusterSuffix}", spotHours, "task-hour", unit, "spot",
                    estimated: LineItems.Estimated(q.SpotVcpu, q.SpotGb), note: LineItems.Note(q.SpotVcpu, q.SpotGb)));
                waste += spotHours * FargateSizing.WastePerHour(size, s.Cpu, s.Memory, q.SpotVcpu.UsdPerHour, q.SpotGb.UsdPerHour);
            }

            var extraGb = Math.Ceiling(s.Storage.Bytes / (decimal)ByteSize.GiBBytes) - FreeStorageGb;
            if (extraGb > 0)
            {
                lines.Add(LineItem.Create($"{s.Name}: ephemeral storage above {FreeStorageGb} GB ({Fmt.Number(extraGb)} GB per task){c.ClusterSuffix}",
                    extraGb * (odHours + spotHours), "GB-hour", q.StorageGb.UsdPerHour, "storage",
                    estimated: q.StorageGb.Estimated, note: q.StorageGb.Note));
            }
        }

        if (armOnSpot.Count > 0)
        {
            notes.Add($"Fargate Spot does not run ARM64 tasks: {string.Join(", ", armOnSpot)} priced on FARGATE");
        }

        if (c.Spec.Services.Any(s => !s.Spot) && c.Spec.Ecs.CapacityProviderStrategy.Any(p => p.Provider == EcsSpec.FargateSpot))
        {
            notes.Add("services with spot: false run on FARGATE only; the capacity provider strategy applies to services with spot: true");
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Ecs(c.Spec, c.Clusters)));
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["fargateRoundingWasteMonthlyUsd"] = Money.Cents(waste),
        };
        return new CostOption(OptionId, "ecs", "ECS on Fargate", lines, notes, figures);
    }

    /// <summary>Monthly task-hours on FARGATE and FARGATE_SPOT: the strategy applied to each hour's task count.</summary>
    public static (decimal OnDemand, decimal Spot) TaskHours(ServiceSpec s, IReadOnlyList<CapacityProviderItem> strategy, CostContext c)
    {
        long od = 0, spot = 0;
        var splits = new Dictionary<int, int[]>();
        foreach (var tasks in ReplicaSchedule.Hourly(s))
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
