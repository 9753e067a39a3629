using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing;

/// <summary>One part of a one-time migration, in engineer-hours.</summary>
public sealed record MigrationTask(string Description, decimal Hours);

/// <summary>
/// Berth's estimate of the one-time engineering a move between platforms takes, in engineer-hours. Like
/// <see cref="EngineeringTime"/> these are estimates from practice, not AWS facts, and every output labels them so.
/// The shape follows DOMAIN.md §1 ("time to first deployment: days" on ECS Fargate, "weeks" on EKS): building the
/// target platform per cluster, then moving each service, both slower for a team new to Kubernetes.
/// </summary>
public static class MigrationEffort
{
    public const decimal BuildEcsHours = 40m;            // VPC wiring, cluster, one service module, CI deploys: days
    public const decimal BuildEksHours = 160m;           // cluster, add-ons, Karpenter, ingress, GitOps, observability: weeks
    public const decimal ServiceToEksHours = 6m;         // manifests, HPA/PDB, probes, secrets, cut-over and rollback
    public const decimal ServiceToEcsHours = 4m;         // task definition, scaling policy, service discovery, cut-over
    public const decimal NodeGroupsToKarpenterHours = 24m; // Karpenter controller, NodePools, draining the node groups

    /// <summary>The one-time work of moving <paramref name="spec"/>'s services from one platform ("ecs" or "eks") to the other.</summary>
    public static IReadOnlyList<MigrationTask> Between(BerthSpec spec, string toPlatform)
    {
        var clusters = Planner.Clusters(spec);
        var n = spec.Services.Count;
        if (toPlatform == "eks")
        {
            var f = EngineeringTime.LearningFactor(spec.Team.KubernetesExpertise, kubernetes: true);
            return
            [
                new($"build the EKS platform ({clusters} cluster{Plural(clusters)})", BuildEksHours * clusters * f),
                new($"move {n} service{Plural(n)} to Kubernetes manifests", ServiceToEksHours * n * f),
            ];
        }

        return
        [
            new($"build the ECS Fargate platform ({clusters} cluster{Plural(clusters)})", BuildEcsHours * clusters),
            new($"move {n} service{Plural(n)} to task definitions", ServiceToEcsHours * n),
        ];
    }

    /// <summary>The one-time work of replacing EKS managed node groups with Karpenter on the same clusters.</summary>
    public static IReadOnlyList<MigrationTask> NodeGroupsToKarpenter(BerthSpec spec)
    {
        var clusters = Planner.Clusters(spec);
        var f = EngineeringTime.LearningFactor(spec.Team.KubernetesExpertise, kubernetes: true);
        return [new($"install Karpenter and move off the node groups ({clusters} cluster{Plural(clusters)})", NodeGroupsToKarpenterHours * clusters * f)];
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
