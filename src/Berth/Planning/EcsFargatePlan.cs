using Berth.Catalog;
using Berth.Formatting;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>ECS on Fargate: one ECS service per berth.yaml service, each a Fargate task of a valid size.</summary>
public sealed record EcsFargatePlan : OptionPlan
{
    public override string Id => OptionIds.EcsFargate;

    public override string Platform => "ecs";

    public override string Title => "ECS on Fargate";

    public override int Order => 0;

    /// <summary>Every service, in the spec's order.</summary>
    public required IReadOnlyList<EcsServicePlan> Services { get; init; }
}

/// <summary>
/// One ECS service: its task as Fargate bills it (null when Fargate cannot run it: see the plan's reasons), the
/// capacity provider strategy its tasks are spread over, its autoscaling, and its task count each hour of the week.
/// </summary>
public sealed record EcsServicePlan(
    ServiceSpec Service,
    FargateTask? Task,
    IReadOnlyList<CapacityProviderItem> Strategy,
    EcsScalingPlan? Scaling,
    IReadOnlyList<int> HourlyTasks)
{
    /// <summary>Whether any task of this service can run on FARGATE_SPOT.</summary>
    public bool UsesSpot => Strategy.Any(p => p.Provider == EcsSpec.FargateSpot);
}

/// <summary>
/// Application Auto Scaling of an ECS service: its bounds and the target-tracking policies on average CPU and
/// memory utilisation, with the cooldowns DOMAIN.md §4 gives (scale out after 60 s, in after 300 s), and for an SQS
/// consumer the queue's policies (<see cref="Queue"/>). Generation writes these policies, the simulation runs them.
/// </summary>
public sealed record EcsScalingPlan(int Min, int Max, int CpuTarget, int MemoryTarget, int ScaleOutCooldownSeconds, int ScaleInCooldownSeconds)
{
    public const int DefaultScaleOutCooldownSeconds = 60;
    public const int DefaultScaleInCooldownSeconds = 300;

    /// <summary>The queue-driven policies of a service that reads an SQS queue; null for every other service.</summary>
    public EcsQueueScalingPlan? Queue { get; init; }
}

public static class EcsFargatePlanner
{
    /// <summary>A task on FARGATE only: services that cannot take an interruption, and ARM64 ones.</summary>
    public static readonly IReadOnlyList<CapacityProviderItem> OnDemandOnly = [new(EcsSpec.Fargate, 0, 1)];

    public static EcsFargatePlan Plan(BerthSpec spec, PriceBook prices)
    {
        var infeasible = new List<string>();
        var notes = new List<string>();
        var armOnSpot = new List<string>();
        var services = new List<EcsServicePlan>();
        var largest = FargatePricing.Largest(prices.Catalog.FargateSizes);
        foreach (var s in spec.Services)
        {
            var task = FargatePricing.Task(prices, s.Arch, s.Cpu, s.Memory, s.Storage);
            if (s.Gpu > 0)
            {
                infeasible.Add($"{s.Name} needs {Gpus(s)}: Fargate has no GPUs (run it on EKS with a GPU NodePool)");
                task = null;
            }
            else if (task is null)
            {
                infeasible.Add($"{s.Name} requests {Requests.Describe(s.Cpu, s.Memory)}, more than Fargate's largest task ({largest}): split it or run it on EKS with EC2 nodes");
            }

            // Fargate Spot does not run Linux/ARM64 tasks (ECS developer guide, Fargate capacity providers).
            var useStrategy = s.Spot && s.Arch == CpuArch.X64;
            if (s.Spot && s.Arch == CpuArch.Arm64)
            {
                armOnSpot.Add(s.Name);
            }

            var scaling = s.Scaling is { } sc
                ? new EcsScalingPlan(sc.Min, sc.Max, sc.CpuTarget, sc.MemoryTarget, EcsScalingPlan.DefaultScaleOutCooldownSeconds, EcsScalingPlan.DefaultScaleInCooldownSeconds)
                {
                    Queue = EcsQueueScalingPlan.For(s),
                }
                : null;
            services.Add(new EcsServicePlan(s, task, useStrategy ? spec.Ecs.CapacityProviderStrategy : OnDemandOnly, scaling, ReplicaSchedule.Hourly(s)));
        }

        if (armOnSpot.Count > 0)
        {
            notes.Add($"Fargate Spot does not run ARM64 tasks: {string.Join(", ", armOnSpot)} priced on FARGATE");
        }

        if (spec.Services.Any(s => !s.Spot) && spec.Ecs.CapacityProviderStrategy.Any(p => p.Provider == EcsSpec.FargateSpot))
        {
            notes.Add("services with spot: false run on FARGATE only; the capacity provider strategy applies to services with spot: true");
        }

        return new EcsFargatePlan { Clusters = Planner.Clusters(spec), Services = services, Infeasible = infeasible, Notes = notes };
    }

    internal static string Gpus(ServiceSpec s) =>
        (s.Gpu == 1 ? "1 GPU" : $"{Fmt.Number(s.Gpu)} GPUs") + (s.GpuType is { } t ? $" ({t})" : "") + " per replica";
}
