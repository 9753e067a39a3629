using Berth.Linting;
using Berth.Spec;

namespace Berth.Importing;

/// <summary>The platform a team runs now, as <c>berth import</c> found it in the code.</summary>
public enum RunningPlatform
{
    EcsFargate,
    Eks,
}

/// <summary>Something the code did not say (an unknown value, a module not initialised), with where it was met.</summary>
public sealed record ImportNote(SourceRange? At, string Message)
{
    public override string ToString() => At is { } at ? at + ": " + Message : Message;
}

/// <summary>A value read from the code, with where it is written (for the <c># from file:line</c> comment).</summary>
public readonly record struct Sourced<T>(T Value, SourceRange? From);

/// <summary>Target-tracking bounds and targets of a service as read; a null target is left to Berth's default.</summary>
public sealed record ImportedScaling(Sourced<int> Min, Sourced<int> Max, Sourced<int>? CpuTarget, Sourced<int>? MemoryTarget);

/// <summary>A queue or topic a service scales on.</summary>
public sealed record ImportedEventSource(EventSourceType Type, string Name, int TargetPerReplica, SourceRange? From);

/// <summary>One service as read from the code: each value with where it was written; null for what the code does not say.</summary>
public sealed record ImportedService(string Name, SourceRange From)
{
    public Sourced<ServiceType>? Type { get; init; }

    public Sourced<Millicores>? Cpu { get; init; }

    public Sourced<ByteSize>? Memory { get; init; }

    public Sourced<int>? Replicas { get; init; }

    public ImportedScaling? Scaling { get; init; }

    public Sourced<bool>? Spot { get; init; }

    public Sourced<CpuArch>? Arch { get; init; }

    public Sourced<ByteSize>? Storage { get; init; }

    public Sourced<int>? Port { get; init; }

    public Sourced<string>? HealthCheck { get; init; }

    public IReadOnlyList<(string Env, Sourced<string> Secret)> Secrets { get; init; } = [];

    public ImportedEventSource? EventSource { get; init; }

    public Sourced<bool>? GracefulShutdown { get; init; }

    public Sourced<string>? Team { get; init; }

    public Sourced<int>? Gpu { get; init; }

    public Sourced<string>? GpuType { get; init; }
}

/// <summary>A fixed managed node group as read.</summary>
public sealed record ImportedNodeGroup(string Name, string InstanceType, int Count, CapacityType CapacityType, SourceRange? From);

/// <summary>Karpenter NodePool requirements as read (empty lists: not constrained).</summary>
public sealed record ImportedKarpenter(
    IReadOnlyList<string> InstanceCategories,
    IReadOnlyList<int> InstanceCpu,
    IReadOnlyList<string> InstanceFamilies,
    IReadOnlyList<CapacityType> CapacityTypes,
    IReadOnlyList<CpuArch> Arch,
    ConsolidationPolicy? Consolidation,
    SourceRange? From);

/// <summary>What <c>berth import</c> found: the platform, its services and settings, and what it could not read.</summary>
public sealed record ImportedPlatform(RunningPlatform Platform, IReadOnlyList<ImportedService> Services, IReadOnlyList<ImportNote> Notes)
{
    public Sourced<string>? Name { get; init; }

    public Sourced<string>? Region { get; init; }

    public Sourced<DeploymentEnvironment>? Environment { get; init; }

    public IReadOnlyList<CapacityProviderItem>? CapacityProviderStrategy { get; init; }

    public SourceRange? CapacityProviderStrategyFrom { get; init; }

    /// <summary>One platform per client (berth.yaml <c>clients</c>): module instances that each declare every service.</summary>
    public IReadOnlyList<string> Clients { get; init; } = [];

    public SourceRange? ClientsFrom { get; init; }

    /// <summary>Requirements the code shows (gitops, serviceMesh, ...), each with where it was seen.</summary>
    public IReadOnlyList<(string Key, string Value, SourceRange? From)> Requirements { get; init; } = [];

    public Sourced<int>? OwningTeams { get; init; }

    public Sourced<string>? EksVersion { get; init; }

    public Sourced<SupportTier>? SupportTier { get; init; }

    public IReadOnlyList<ImportedNodeGroup> NodeGroups { get; init; } = [];

    public ImportedKarpenter? Karpenter { get; init; }

    /// <summary>Where the first EKS Fargate profile is written, if any (pods it selects run on Fargate).</summary>
    public SourceRange? FargateProfile { get; init; }

    public Sourced<ResourceOverhead>? DaemonSetOverhead { get; init; }
}
