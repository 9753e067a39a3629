using Berth.Spec;

namespace Berth.Tests.Decision;

/// <summary>The situations of DOMAIN.md §2's framework and rule of thumb.</summary>
internal static class Scenarios
{
    /// <summary>3 engineers, 5 services, no Kubernetes expertise, a 2-month timeline.</summary>
    public static BerthSpec SmallTeam() => SpecBuilder.Default
        .Named("small-team")
        .WithServices(5)
        .WithTeam(engineers: 3, expertise: KubernetesExpertise.None, owningTeams: 1, timelineMonths: 2)
        .Build();

    /// <summary>The fraud-detection platform: 33 services, 4 owning teams, GitOps, KEDA, mesh, operators, strong expertise.</summary>
    public static BerthSpec Platform() => SpecBuilder.Default
        .Named("platform")
        .WithServices(32, replicas: 2)
        .AddService(SpecBuilder.Service("scorer-worker", eventSource: new EventSourceSpec(EventSourceType.Kafka, "transactions", 100)))
        .WithTeam(engineers: 12, expertise: KubernetesExpertise.Strong, owningTeams: 4, timelineMonths: 9)
        .WithRequirements(r => r with
        {
            Gitops = true,
            EventDrivenScaling = true,
            ServiceMesh = true,
            Operators = ["cert-manager", "strimzi"],
        })
        .Build();

    /// <summary>A platform whose case for EKS is scale alone: 33 services of 2 replicas, 4 owning teams, some expertise.</summary>
    public static BerthSpec ScaleOnlyPlatform() => SpecBuilder.Default
        .Named("scale-only")
        .WithServices(33, replicas: 2)
        .WithTeam(engineers: 8, expertise: KubernetesExpertise.Some, owningTeams: 4, timelineMonths: 6)
        .Build();

    /// <summary>15 services with mixed signals: 2 owning teams, some expertise, GitOps only, 8 engineers, 6 months.</summary>
    public static BerthSpec MixedSignals() => SpecBuilder.Default
        .Named("mixed")
        .WithServices(15)
        .WithTeam(engineers: 8, expertise: KubernetesExpertise.Some, owningTeams: 2, timelineMonths: 6)
        .WithRequirements(r => r with { Gitops = true })
        .Build();
}
