using Berth.Spec;

namespace Berth.Costing;

/// <summary>One component of the platform-operations time a platform costs each month.</summary>
public sealed record EngineeringTask(string Description, decimal HoursPerMonth);

/// <summary>
/// Berth's model of the engineering time a platform takes to keep running, in hours a month. These are estimates
/// from practice, not AWS facts, and every output labels them so. The shape follows DOMAIN.md §2: EKS pays a
/// per-cluster tax (three Kubernetes minor versions a year to upgrade, add-ons, Helm charts, node images, Karpenter)
/// that a small team feels most; ECS Fargate has no nodes and no control plane to upgrade.
/// </summary>
public static class EngineeringTime
{
    // EKS, per cluster and month.
    public const decimal EksUpgradeHours = 10m;      // ~3 minor versions a year × ~40 h each (testing, API deprecations, rollout)
    public const decimal EksAddOnHours = 6m;         // vpc-cni, coredns, kube-proxy, EBS CSI, Pod Identity agent, LB controller
    public const decimal EksNodeHours = 8m;          // AMI rotation, Karpenter upgrades, kubelet and node debugging
    public const decimal EksSecurityHours = 4m;      // RBAC, access entries, policy, CVE patching of cluster tooling
    public const decimal EksGitOpsHours = 4m;        // ArgoCD upgrades, app-of-apps, drift and sync issues
    public const decimal EksPerNodeGroupHours = 2m;  // a managed node group's version and AMI updates
    public const decimal EksPerServiceHours = 0.75m; // manifests, HPA/PDB, Helm values per service

    // ECS Fargate, per cluster and month.
    public const decimal EcsPlatformHours = 4m;      // platform versions, capacity providers, IAM and log upkeep
    public const decimal EcsPerServiceHours = 0.5m;  // task definition revisions, scaling policies per service

    /// <summary>A team new to a platform takes longer at everything on it.</summary>
    public static decimal LearningFactor(KubernetesExpertise expertise, bool kubernetes) => (kubernetes, expertise) switch
    {
        (true, KubernetesExpertise.None) => 1.5m,
        (true, KubernetesExpertise.Some) => 1.2m,
        _ => 1.0m,
    };

    public const string OverrideDescription = "platform operations (berth.yaml pricing.engineeringHoursPerMonth)";

    public static IReadOnlyList<EngineeringTask> Eks(BerthSpec spec, int clusters, int nodeGroups, bool fargateOnly = false)
    {
        if (spec.Pricing.EngineeringHours?.Eks is { } given)
        {
            return [new(OverrideDescription, given)];
        }

        var f = LearningFactor(spec.Team.KubernetesExpertise, kubernetes: true);
        var tasks = new List<EngineeringTask>
        {
            new($"cluster upgrades ({clusters} cluster{Plural(clusters)})", EksUpgradeHours * clusters * f),
            new("managed add-ons and Helm charts", EksAddOnHours * clusters * f),
            new("RBAC, access entries and security patching", EksSecurityHours * clusters * f),
        };
        if (!fargateOnly)
        {
            tasks.Insert(2, new("node images, Karpenter and kubelet debugging", EksNodeHours * clusters * f));
        }

        if (spec.Requirements.Gitops)
        {
            tasks.Add(new("GitOps (ArgoCD) upkeep", EksGitOpsHours * clusters * f));
        }

        if (nodeGroups > 0)
        {
            tasks.Add(new($"managed node group updates ({nodeGroups} group{Plural(nodeGroups)})", EksPerNodeGroupHours * nodeGroups * clusters * f));
        }

        tasks.Add(new($"per-service manifests and autoscaling ({spec.Services.Count} services)", EksPerServiceHours * spec.Services.Count * f));
        return tasks;
    }

    public static IReadOnlyList<EngineeringTask> Ecs(BerthSpec spec, int clusters) =>
        spec.Pricing.EngineeringHours?.EcsFargate is { } given
            ? [new(OverrideDescription, given)]
            :
            [
                new($"platform upkeep ({clusters} ECS cluster{Plural(clusters)})", EcsPlatformHours * clusters),
                new($"per-service task definitions and scaling ({spec.Services.Count} services)", EcsPerServiceHours * spec.Services.Count),
            ];

    private static string Plural(int n) => n == 1 ? "" : "s";
}
