namespace Berth.Spec;

/// <summary>A loaded, validated berth.yaml with every default applied and <c>count</c> expanded.</summary>
public sealed record BerthSpec(
    int Version,
    string Name,
    string Region,
    DeploymentEnvironment Environment,
    TeamSpec Team,
    RequirementsSpec Requirements,
    IReadOnlyList<ServiceSpec> Services,
    EcsSpec Ecs,
    EksSpec Eks,
    PricingSpec Pricing,
    IReadOnlyList<string> Clients,
    string SourcePath)
{
    /// <summary>The only berth.yaml format version this build reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>How <c>berth simulate</c> varies demand: noise and scripted events.</summary>
    public SimulationSpec Simulation { get; init; } = SimulationSpec.Default;

    /// <summary>
    /// The option the team runs today (<c>currentPlatform:</c>, which <c>berth import</c> writes), or null for a
    /// platform not yet built: with it, assess and report say what moving would change.
    /// </summary>
    public CurrentPlatform? CurrentPlatform { get; init; }
}

/// <summary>
/// What a team runs today, spelled as the cost options are (<c>ecs-fargate</c>, <c>eks-karpenter</c>…), or plain
/// <c>eks</c> when how the nodes come about is not known.
/// </summary>
public enum CurrentPlatform
{
    EcsFargate,
    Eks,
    EksKarpenter,
    EksNodeGroups,
    EksFargate,
}

public enum DeploymentEnvironment
{
    Production,
    Staging,
    Development,
}

public enum KubernetesExpertise
{
    None,
    Some,
    Strong,
}

public enum MultiTenancy
{
    None,
    Service,
    Namespace,
}

public enum ServiceType
{
    Web,
    Backend,
    Worker,
}

public enum CpuArch
{
    X64,
    Arm64,
}

public enum CapacityType
{
    OnDemand,
    Spot,
}

public enum SupportTier
{
    Standard,
    Extended,
}

public enum ConsolidationPolicy
{
    WhenEmptyOrUnderutilized,
    WhenEmpty,
}

public enum EventSourceType
{
    Sqs,
    Kafka,
}

public sealed record TeamSpec(
    int Engineers,
    KubernetesExpertise KubernetesExpertise,
    int OwningTeams,
    int TimelineMonths,
    decimal HourlyRateUsd)
{
    public static TeamSpec Default { get; } = new(
        SpecKeys.Team.Engineers.Value,
        SpecKeys.Team.KubernetesExpertise.Value,
        SpecKeys.Team.OwningTeams.Value,
        SpecKeys.Team.TimelineMonths.Value,
        SpecKeys.Team.HourlyRateUsd.Value);
}

public sealed record RequirementsSpec(
    bool Gitops,
    bool ServiceMesh,
    MultiTenancy MultiTenancy,
    bool EventDrivenScaling,
    bool StatefulWorkloads,
    bool Gpu,
    bool CustomNodeConfig,
    bool LiftAndShift,
    IReadOnlyList<string> Operators)
{
    public static RequirementsSpec Default { get; } = new(
        SpecKeys.Requirements.Gitops.Default,
        SpecKeys.Requirements.ServiceMesh.Default,
        SpecKeys.Requirements.MultiTenancy.Value,
        SpecKeys.Requirements.EventDrivenScaling.Default,
        SpecKeys.Requirements.StatefulWorkloads.Default,
        SpecKeys.Requirements.Gpu.Default,
        SpecKeys.Requirements.CustomNodeConfig.Default,
        SpecKeys.Requirements.LiftAndShift.Default,
        []);
}

/// <summary>Target-tracking autoscaling bounds and targets (percent).</summary>
public sealed record ScalingSpec(int Min, int Max, int CpuTarget, int MemoryTarget);

public sealed record EventSourceSpec(EventSourceType Type, string Name, int TargetPerReplica)
{
    /// <summary>Partitions of the Kafka topic (null: not given); consumers beyond it sit idle.</summary>
    public int? Partitions { get; init; }
}

/// <summary>One service after <c>count</c> expansion.</summary>
public sealed record ServiceSpec(
    string Name,
    ServiceType Type,
    Millicores Cpu,
    ByteSize Memory,
    int? Replicas,
    ScalingSpec? Scaling,
    DemandProfile Demand,
    bool Spot,
    CpuArch Arch,
    ByteSize Storage,
    int? Port,
    string HealthCheck,
    IReadOnlyDictionary<string, string> Secrets,
    EventSourceSpec? EventSource,
    bool GracefulShutdown,
    string BaseName,
    SourceLocation Location)
{
    /// <summary>The container port of web and backend services that do not set <c>port</c> (workers have none).</summary>
    public const int DefaultPort = 8080;

    /// <summary>The team that owns the service (<c>team:</c>), or null when the spec leaves it to the order-based split.</summary>
    public string? Team { get; init; }

    /// <summary>GPUs each replica requests (<c>gpu:</c>); 0 for none.</summary>
    public int Gpu { get; init; }

    /// <summary>The GPU model (<c>gpuType:</c>, e.g. nvidia-l4), or null for any NVIDIA GPU.</summary>
    public string? GpuType { get; init; }

    /// <summary>Whether berth.yaml sets <c>storage</c>: only then do pods request ephemeral storage on EKS.</summary>
    public bool StorageRequested { get; init; }

    /// <summary>Where the CPU request is written (or the service, when it is the default).</summary>
    public SourceLocation CpuAt { get; init; }

    /// <summary>Where the memory request is written (or the service, when it is the default).</summary>
    public SourceLocation MemoryAt { get; init; }

    /// <summary>Replicas when there is no autoscaling; the minimum when there is.</summary>
    public int MinReplicas => Scaling?.Min ?? Replicas ?? 1;

    /// <summary>Replicas when there is no autoscaling; the maximum when there is.</summary>
    public int MaxReplicas => Scaling?.Max ?? Replicas ?? 1;
}

/// <summary>How <c>berth simulate</c> varies each service's demand beyond its hourly profile (docs/berth-yaml.md, simulation).</summary>
public sealed record SimulationSpec(NoiseSpec Noise, IReadOnlyList<DemandEventSpec> Events)
{
    public static SimulationSpec Default { get; } = new(NoiseSpec.Default, []);
}

/// <summary>
/// Multiplicative demand noise, never beyond ±<paramref name="Amplitude"/>: independent each minute when
/// <paramref name="CorrelationMinutes"/> is 0, otherwise it drifts with that correlation time; <paramref name="Shared"/>
/// is the share of it common to every service (0: each service its own, 1: all move together).
/// </summary>
public sealed record NoiseSpec(double Amplitude, int CorrelationMinutes, double Shared)
{
    public static NoiseSpec Default { get; } = new((double)SpecKeys.Noise.Amplitude.Value, SpecKeys.Noise.CorrelationMinutes.Value, (double)SpecKeys.Noise.Shared.Value);
}

/// <summary>
/// A scripted change of demand: from <paramref name="At"/> on simulated day <paramref name="Day"/> (day 1 is a Monday),
/// for <paramref name="Duration"/>, the named services' demand (their expanded names; all when empty) is multiplied by
/// <paramref name="Multiplier"/>.
/// </summary>
public sealed record DemandEventSpec(string Name, int Day, TimeSpan At, TimeSpan Duration, double Multiplier, IReadOnlyList<string> Services, SourceLocation Location)
{
    /// <summary>The second of the simulation the event starts at.</summary>
    public long StartSecond => ((Day - 1) * 86_400L) + (long)At.TotalSeconds;

    public long EndSecond => StartSecond + (long)Duration.TotalSeconds;

    public bool Applies(string service) => Services.Count == 0 || Services.Contains(service, StringComparer.Ordinal);
}

public sealed record CapacityProviderItem(string Provider, int Base, int Weight);

public sealed record EcsSpec(IReadOnlyList<CapacityProviderItem> CapacityProviderStrategy)
{
    public const string Fargate = "FARGATE";
    public const string FargateSpot = "FARGATE_SPOT";

    public static IReadOnlyList<string> KnownProviders { get; } = [Fargate, FargateSpot];

    public static EcsSpec Default { get; } = new([new CapacityProviderItem(Fargate, SpecKeys.CapacityProvider.Base.Value, SpecKeys.CapacityProvider.Weight.Value)]);
}

/// <summary>A fixed managed node group; <see cref="Location"/> is where its instance type is written.</summary>
public sealed record NodeGroupSpec(string Name, string InstanceType, int Count, CapacityType CapacityType, SourceLocation Location = default);

public sealed record KarpenterSpec(
    bool Enabled,
    IReadOnlyList<string> InstanceCategories,
    IReadOnlyList<int> InstanceCpu,
    IReadOnlyList<string> InstanceFamilies,
    IReadOnlyList<int> InstanceGenerations,
    IReadOnlyList<CapacityType> CapacityTypes,
    IReadOnlyList<CpuArch> Arch,
    ConsolidationPolicy Consolidation,
    TimeSpan? ConsolidateAfter)
{
    public static KarpenterSpec Default { get; } = new(
        SpecKeys.Karpenter.Enabled.Default,
        ["c", "m", "r"],
        [4, 8, 16, 32],
        [],
        [],
        [CapacityType.Spot, CapacityType.OnDemand],
        [CpuArch.X64, CpuArch.Arm64],
        SpecKeys.Karpenter.Consolidation.Value,
        SpecKeys.Karpenter.ConsolidateAfter.Value);
}

public sealed record ResourceOverhead(Millicores Cpu, ByteSize Memory);

public sealed record EksSpec(
    string Version,
    SupportTier SupportTier,
    IReadOnlyList<NodeGroupSpec> NodeGroups,
    KarpenterSpec Karpenter,
    ResourceOverhead DaemonSetOverhead)
{
    public static ResourceOverhead DefaultDaemonSetOverhead { get; } =
        new(SpecKeys.DaemonSetOverhead.Cpu.Value, SpecKeys.DaemonSetOverhead.Memory.Value);

    public static EksSpec Default { get; } =
        new(SpecKeys.Eks.Version.Value, SpecKeys.Eks.SupportTier.Value, [], KarpenterSpec.Default, DefaultDaemonSetOverhead);
}

/// <summary>Fargate prices that replace the catalog's, and the Fargate Spot interruption rate berth simulate assumes (per task per month).</summary>
public sealed record FargatePriceOverride(decimal? VcpuHour, decimal? GbHour, decimal? SpotDiscount, decimal? SpotInterruptionRate = null)
{
    /// <summary>The share of Fargate Spot task launches that find no capacity, for berth simulate (null: none).</summary>
    public decimal? SpotLaunchFailureRate { get; init; }
}

/// <summary>A user's EC2 price; <see cref="Location"/> is where its instance type is written.</summary>
public sealed record Ec2PriceOverride(decimal? OnDemand, decimal? Spot, SourceLocation Location = default);

/// <summary>Engineering hours a month that replace Berth's model for a platform (null: use the model).</summary>
public sealed record EngineeringHoursOverride(decimal? EcsFargate, decimal? Eks);

public sealed record PricingSpec(
    decimal HoursPerMonth,
    string Catalog,
    FargatePriceOverride? FargateOverride,
    IReadOnlyDictionary<string, Ec2PriceOverride> Ec2Overrides,
    decimal ComputeSavingsPlan,
    EngineeringHoursOverride? EngineeringHours = null)
{
    public const string EmbeddedCatalog = "embedded";

    /// <summary>
    /// The file a <c>pricing.catalog</c> path names: as written when rooted, otherwise relative to the folder of the spec
    /// at <paramref name="specPath"/>. The one place that rule lives (the reader checks the file, the CLI pins it, the
    /// catalog loads it).
    /// </summary>
    public static string CatalogFile(string catalog, string specPath) =>
        Path.IsPathRooted(catalog) ? catalog : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? ".", catalog);

    public static PricingSpec Default { get; } =
        new(SpecKeys.Pricing.HoursPerMonth.Value, EmbeddedCatalog, null, new SortedDictionary<string, Ec2PriceOverride>(StringComparer.Ordinal), SpecKeys.Discounts.ComputeSavingsPlan.Value);
}

/// <summary>Where something was written in a file: 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
