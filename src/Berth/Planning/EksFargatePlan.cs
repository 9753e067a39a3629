using Berth.Catalog;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// EKS on Fargate: every pod is its own Fargate micro-VM sized as its requests plus 256 MB, on x86_64 and on demand
/// (EKS on Fargate has neither Spot nor Arm). Fargate profiles select the namespaces; the cluster's controllers run
/// as Fargate pods too.
/// </summary>
public sealed record EksFargatePlan : OptionPlan
{
    public override string Id => OptionIds.EksFargate;

    public override string Platform => "eks";

    public override string Title => "EKS on Fargate";

    public override int Order => 3;

    public required IReadOnlyList<EksFargatePodPlan> Pods { get; init; }

    /// <summary>The controllers, each pod its own Fargate pod; null Task when one cannot be sized.</summary>
    public required IReadOnlyList<(ControllerPod Controller, FargateTask Task)> Controllers { get; init; }

    /// <summary>One Fargate profile per namespace that runs pods.</summary>
    public required IReadOnlyList<string> Profiles { get; init; }
}

/// <summary>A service's pods on EKS Fargate: the task each is billed as (null when no Fargate size holds it).</summary>
public sealed record EksFargatePodPlan(ServiceSpec Service, FargateTask? Task, IReadOnlyList<int> HourlyPods);

public static class EksFargatePlanner
{
    public static EksFargatePlan Plan(BerthSpec spec, PriceBook prices)
    {
        var infeasible = new List<string>();
        var notes = new List<string>();
        var largest = FargatePricing.Largest(prices.Catalog.FargateSizes);
        var pods = new List<EksFargatePodPlan>();
        foreach (var s in spec.Services)
        {
            var task = FargatePricing.EksPod(prices, s.Cpu, s.Memory, s.Storage);
            if (s.Gpu > 0)
            {
                infeasible.Add($"{s.Name} needs {EcsFargatePlanner.Gpus(s)}: EKS on Fargate has no GPUs (use EC2 nodes: Karpenter or a GPU node group)");
                task = null;
            }
            else if (task is null)
            {
                infeasible.Add($"{s.Name} requests {Requests.Describe(s.Cpu, s.Memory)}, which with the 256 MB pod overhead is more than Fargate's largest pod ({largest})");
            }

            pods.Add(new EksFargatePodPlan(s, task, ReplicaSchedule.Hourly(s)));
        }

        var controllers = ClusterControllers.For(spec, karpenter: false)
            .Select(c => (c, FargatePricing.EksPod(prices, c.Cpu, c.Memory, ByteSize.FromGiB(FargatePricing.FreeStorageGb))))
            .Where(c => c.Item2 is not null)
            .Select(c => (c.c, c.Item2!))
            .ToArray();

        if (spec.Services.Any(s => s.Spot))
        {
            notes.Add("EKS on Fargate has no Spot: services with spot: true are priced on demand");
        }

        if (spec.Services.Any(s => s.Arch == CpuArch.Arm64))
        {
            notes.Add("EKS on Fargate runs x86_64 pods only: ARM64 services are priced as x86_64");
        }

        var ns = Namespaces.For(spec).All
            .Concat(controllers.Select(c => c.Item1.Namespace))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new EksFargatePlan
        {
            Clusters = Planner.Clusters(spec),
            Pods = pods,
            Controllers = controllers,
            Profiles = ns,
            Infeasible = infeasible,
            Notes = notes,
        };
    }
}
