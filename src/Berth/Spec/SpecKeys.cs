using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Berth.Spec;

/// <summary>
/// A key of berth.yaml, declared once: its name, type, range or choices, default and doc line. The JSON Schema
/// (<see cref="SpecSchema"/>), the reader's checks and fallbacks and the spec's defaults (<see cref="TeamSpec.Default"/>
/// and the like) all take them from here, and a test checks docs/berth-yaml.md against the schema.
/// </summary>
public abstract record SpecKey(string Name, string Doc)
{
    /// <summary>The key as the schema lists it.</summary>
    public SchemaProperty Property => new(Name, Schema);

    /// <summary>The JSON Schema of the value.</summary>
    public abstract JsonObject Schema();

    public static implicit operator SchemaProperty(SpecKey key) => key.Property;
}

/// <summary>A numeric key.</summary>
public abstract record NumericKey(string Name, string Doc) : SpecKey(Name, Doc);

/// <summary>true or false, <paramref name="Default"/> when absent.</summary>
public sealed record BoolKey(string Name, bool Default, string Doc) : SpecKey(Name, Doc)
{
    public override JsonObject Schema() => SpecSchema.Bool(Default, Doc);
}

/// <summary>One of the spellings of <paramref name="Names"/>; no <paramref name="Default"/> when the key is required.</summary>
public sealed record EnumKey<T>(string Name, EnumNames<T> Names, T? Default, string Doc) : SpecKey(Name, Doc)
    where T : struct, Enum
{
    /// <summary>The default; only for keys that have one.</summary>
    public T Value => Default ?? throw new InvalidOperationException($"{Name} has no default");

    public override JsonObject Schema() => SpecSchema.Enum(Names.All, Default is { } d ? Names.NameOf(d) : null, Doc);
}

/// <summary>A string matching <paramref name="Pattern"/>; no <paramref name="Default"/> when the key is required or has none.</summary>
public sealed record StringKey(string Name, string Pattern, string? Default, string Doc) : SpecKey(Name, Doc)
{
    /// <summary>The default; only for keys that have one.</summary>
    public string Value => Default ?? throw new InvalidOperationException($"{Name} has no default");

    public override JsonObject Schema() => SpecSchema.Str(Doc, Pattern, Default);
}

/// <summary>A duration such as 30s, 5m, 1h or Never (null); <paramref name="Default"/> as berth.yaml writes it.</summary>
public sealed record DurationKey(string Name, string Default, string Doc) : SpecKey(Name, Doc)
{
    public const string Never = "Never";

    /// <summary>The default as a time span; null for Never.</summary>
    public TimeSpan? Value => Default == Never ? null : TimeSpan.FromSeconds((double)Seconds(Default));

    public override JsonObject Schema() => SpecSchema.Str(Doc, SpecSchema.DurationPattern, Default);

    /// <summary>The seconds of a duration that matches <see cref="SpecSchema.DurationPattern"/> (other than Never).</summary>
    internal static decimal Seconds(string text)
    {
        var seconds = 0m;
        foreach (Match part in Regex.Matches(text, "([0-9]+)([hms])", RegexOptions.CultureInvariant))
        {
            // Any digit count matches the pattern: cap the number so that hours * 3600 cannot overflow.
            var n = decimal.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? Math.Min(parsed, 1_000_000_000_000m)
                : 1_000_000_000_000m;
            seconds += part.Groups[2].Value switch
            {
                "h" => n * 3600,
                "m" => n * 60,
                _ => n,
            };
        }

        return seconds;
    }
}

/// <summary>A CPU quantity (250m, 0.5, 2); <paramref name="Default"/> as berth.yaml writes it.</summary>
public sealed record CpuKey(string Name, string Default, string Doc) : SpecKey(Name, Doc)
{
    public Millicores Value => QuantityParser.TryParseCpu(Default, out var v, out var problem) ? v : throw new InvalidOperationException($"{Name}: {problem}");

    public override JsonObject Schema() => SpecSchema.Quantity(SpecSchema.CpuPattern, Default, Doc);
}

/// <summary>A memory or storage quantity (512Mi, 2Gi, 2GB); <paramref name="Default"/> as berth.yaml writes it.</summary>
public sealed record BytesKey(string Name, string Default, string Doc) : SpecKey(Name, Doc)
{
    public ByteSize Value => QuantityParser.TryParseBytes(Default, out var v, out var problem) ? v : throw new InvalidOperationException($"{Name}: {problem}");

    public override JsonObject Schema() => SpecSchema.Quantity(SpecSchema.MemoryPattern, Default, Doc);
}

/// <summary>A whole number from <paramref name="Min"/> to <paramref name="Max"/>; no <paramref name="Default"/> when it depends on other keys or the key is required.</summary>
public sealed record IntKey(string Name, int Min, int Max, int? Default, string Doc) : NumericKey(Name, Doc)
{
    /// <summary>The default; only for keys that have one.</summary>
    public int Value => Default ?? throw new InvalidOperationException($"{Name} has no default");

    public override JsonObject Schema() => SpecSchema.Int(Min, Max, Default, Doc);
}

/// <summary>A number from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
public sealed record DecimalKey(string Name, decimal Min, decimal Max, decimal? Default, string Doc) : NumericKey(Name, Doc)
{
    /// <summary>The default; only for keys that have one.</summary>
    public decimal Value => Default ?? throw new InvalidOperationException($"{Name} has no default");

    public override JsonObject Schema() => SpecSchema.Number(Min, Max, Default, Doc);
}

/// <summary>A list of distinct whole numbers, each from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
public sealed record IntListKey(string Name, int Min, int Max, string Doc) : NumericKey(Name, Doc)
{
    public override JsonObject Schema() => SpecSchema.IntList(Min, Max, Doc);
}

/// <summary>
/// Every key of berth.yaml that has a range, choices or a default, one class per mapping. Kept apart from <see cref="SpecSchema"/> so that its
/// mappings, which list these keys, never see them before they are made (static initialisers run in textual order).
/// </summary>
public static class SpecKeys
{
    public static class Root
    {
        public static EnumKey<DeploymentEnvironment> Environment { get; } = new("environment", SpecEnums.Environment, DeploymentEnvironment.Production, "Environment the platform serves.");
    }

    public static class Team
    {
        public static EnumKey<KubernetesExpertise> KubernetesExpertise { get; } = new("kubernetesExpertise", SpecEnums.Expertise, Spec.KubernetesExpertise.None, "Kubernetes experience in the team.");

        public static IntKey Engineers { get; } = new("engineers", 1, 10_000, 5, "Engineers who will build and run the platform.");

        public static IntKey OwningTeams { get; } = new("owningTeams", 1, 1_000, 1, "Teams that own services on the platform.");

        public static IntKey TimelineMonths { get; } = new("timelineMonths", 1, 120, 6, "Months until the platform must carry production traffic.");

        public static DecimalKey HourlyRateUsd { get; } = new("hourlyRateUsd", 0, 10_000, 100, "Loaded cost of one engineer-hour, for engineering-time cost.");
    }

    public static class Requirements
    {
        public static BoolKey Gitops { get; } = new("gitops", false, "Deployments pulled from Git (ArgoCD / Flux).");

        public static BoolKey ServiceMesh { get; } = new("serviceMesh", false, "mTLS between services.");

        public static EnumKey<MultiTenancy> MultiTenancy { get; } = new("multiTenancy", SpecEnums.MultiTenancy, Spec.MultiTenancy.None, "How tenants or teams are isolated.");

        public static BoolKey EventDrivenScaling { get; } = new("eventDrivenScaling", false, "Scaling on queue depth or consumer lag (KEDA).");

        public static BoolKey StatefulWorkloads { get; } = new("statefulWorkloads", false, "Databases, queues or other workloads with persistent volumes.");

        public static BoolKey Gpu { get; } = new("gpu", false, "GPU workloads.");

        public static BoolKey CustomNodeConfig { get; } = new("customNodeConfig", false, "Custom kernel modules, AMIs or node settings.");

        public static BoolKey LiftAndShift { get; } = new("liftAndShift", false, "Migrating quickly from on-premises.");
    }

    public static class Scaling
    {
        public static IntKey Min { get; } = new("min", 0, 1_000, null, "Fewest replicas.");

        public static IntKey Max { get; } = new("max", 1, 1_000, null, "Most replicas; at least min.");

        public static IntKey CpuTarget { get; } = new("cpuTarget", 1, 100, 70, "Target average CPU utilisation, percent.");

        public static IntKey MemoryTarget { get; } = new("memoryTarget", 1, 100, 75, "Target average memory utilisation, percent.");
    }

    public static class EventSource
    {
        public static IntKey TargetPerReplica { get; } = new("targetPerReplica", 1, 1_000_000, 100, "Messages (or lag) each replica handles.");

        public static IntKey Partitions { get; } = new("partitions", 1, 10_000, null, "Kafka only: the topic's partitions; consumers beyond them sit idle (berth simulate assumes scaling.max when not given).");
    }

    public static class Service
    {
        public static EnumKey<ServiceType> Type { get; } = new("type", SpecEnums.ServiceType, Spec.ServiceType.Web, "web (behind a load balancer), backend (internal) or worker (no inbound traffic).");

        public static CpuKey Cpu { get; } = new("cpu", "250m", "CPU request per replica: 250m, 0.5, 2 (vCPU).");

        public static BytesKey Memory { get; } = new("memory", "512Mi", "Memory request per replica: 512Mi, 2Gi, 2GB (1 GB = 1024 MiB, as AWS counts).");

        public static BoolKey Spot { get; } = new("spot", false, "Tolerates interruption (may run on Spot).");

        public static EnumKey<CpuArch> Arch { get; } = new("arch", SpecEnums.ServiceArch, CpuArch.X64, "CPU architecture of the image.");

        public static BytesKey Storage { get; } = new("storage", "20Gi", "Ephemeral storage; Fargate bills above 20 GB.");

        /// <summary>A path with no white space (the ALB and Kubernetes probes send it as written).</summary>
        public static StringKey HealthCheck { get; } = new("healthCheck", "^/[^\\s]*$", "/health", "HTTP health check path.");

        public static BoolKey GracefulShutdown { get; } = new("gracefulShutdown", true, "Handles SIGTERM and drains in-flight work (matters on Spot).");

        public static IntKey Replicas { get; } = new("replicas", 1, 1_000, null, "A fixed replica count (not with scaling; neither means 1).");

        public static IntKey Port { get; } = new("port", 1, 65_535, null, "Container port; defaults to 8080 for web and backend services, none for workers.");

        public static IntKey Count { get; } = new("count", 1, 100, 1, "N identical copies named <name>-1..N.");

        /// <summary>The most GPUs one replica may ask for: the largest GPU instance types have 8 (or 16 Gaudi/Inferentia devices).</summary>
        public static IntKey Gpu { get; } = new("gpu", 0, 16, 0, "GPUs per replica (nvidia.com/gpu). Fargate has none: only EKS runs such a service, on a GPU NodePool.");
    }

    public static class CapacityProvider
    {
        public static IntKey Base { get; } = new("base", 0, 100_000, 0, "Tasks placed on this provider first (one item at most may set it).");

        public static IntKey Weight { get; } = new("weight", 0, 1_000, 1, "Share of the remaining tasks.");
    }

    public static class NodeGroup
    {
        public static IntKey Count { get; } = new("count", 1, 1_000, null, "Nodes in the group.");

        public static EnumKey<CapacityType> CapacityType { get; } = new("capacityType", SpecEnums.CapacityType, Spec.CapacityType.OnDemand, "On-demand or Spot nodes.");
    }

    public static class Eks
    {
        public static StringKey Version { get; } = new("version", "^1\\.[0-9]{2}$", "1.35", "Kubernetes version, e.g. \"1.35\" (quote it).");

        public static EnumKey<SupportTier> SupportTier { get; } = new("supportTier", SpecEnums.SupportTier, Spec.SupportTier.Standard, "standard ($0.10/h) or extended ($0.60/h) support.");
    }

    public static class DaemonSetOverhead
    {
        public static CpuKey Cpu { get; } = new("cpu", "200m", "CPU per node.");

        public static BytesKey Memory { get; } = new("memory", "256Mi", "Memory per node.");
    }

    public static class Karpenter
    {
        public static BoolKey Enabled { get; } = new("enabled", true, "Price and plan Karpenter-provisioned nodes.");

        public static EnumKey<ConsolidationPolicy> Consolidation { get; } = new("consolidation", SpecEnums.Consolidation, ConsolidationPolicy.WhenEmptyOrUnderutilized, "disruption.consolidationPolicy.");

        public static DurationKey ConsolidateAfter { get; } = new("consolidateAfter", "30s", "disruption.consolidateAfter: a duration such as 30s, 5m, 1h, or Never.");

        public static IntListKey InstanceCpu { get; } = new("instanceCpu", 1, 896, "karpenter.k8s.aws/instance-cpu values. Default [4, 8, 16, 32].");

        public static IntListKey InstanceGenerations { get; } = new("instanceGenerations", 1, 20, "karpenter.k8s.aws/instance-generation values (any when empty).");
    }

    public static class FargateOverride
    {
        public static DecimalKey VcpuHour { get; } = new("vcpuHour", 0, 10, null, "USD per vCPU-hour.");

        public static DecimalKey GbHour { get; } = new("gbHour", 0, 10, null, "USD per GB-hour.");

        public static DecimalKey SpotDiscount { get; } = new("spotDiscount", 0, 1, null, "Fargate Spot discount as a fraction of the on-demand price (0.70 = 70% off).");

        public static DecimalKey SpotInterruptionRate { get; } = new("spotInterruptionRate", 0, 10, null, "Fargate Spot interruptions per task per month for berth simulate (AWS publishes none; Berth estimates 0.075).");

        public static DecimalKey SpotLaunchFailureRate { get; } = new("spotLaunchFailureRate", 0, 1, null, "Share of Fargate Spot task launches that find no capacity, for berth simulate (your estimate; none when not set). ECS retries them; it never moves them to FARGATE.");
    }

    public static class Ec2Override
    {
        public static DecimalKey OnDemand { get; } = new("onDemand", 0, 1_000, null, "USD per hour on demand.");

        public static DecimalKey Spot { get; } = new("spot", 0, 1_000, null, "USD per hour on Spot.");
    }

    public static class Discounts
    {
        public static DecimalKey ComputeSavingsPlan { get; } = new("computeSavingsPlan", 0, 0.99m, 0, "Compute Savings Plan discount as a fraction (0.2 = 20% off).");
    }

    public static class EngineeringHours
    {
        public static DecimalKey EcsFargate { get; } = new("ecsFargate", 0, 10_000, null, "Hours a month to run the ECS Fargate platform.");

        public static DecimalKey Eks { get; } = new("eks", 0, 10_000, null, "Hours a month to run the EKS platform.");
    }

    public static class Pricing
    {
        public static DecimalKey HoursPerMonth { get; } = new("hoursPerMonth", 1, 744, 730, "Hours in a billing month.");
    }

    public static class Noise
    {
        public static DecimalKey Amplitude { get; } = new("amplitude", 0, 0.5m, 0.05m, "Demand varies within ±this fraction of the profile.");

        public static IntKey CorrelationMinutes { get; } = new("correlationMinutes", 0, 1_440, 0, "0: independent each minute; otherwise the noise drifts, with this correlation time.");

        public static DecimalKey Shared { get; } = new("shared", 0, 1, 0, "Share of the noise common to every service (0: each its own, 1: all move together).");
    }

    public static class DemandEvent
    {
        public static IntKey Day { get; } = new("day", 1, 366, null, "Simulated day it starts (1: the first day, a Monday).");

        public static DecimalKey Multiplier { get; } = new("multiplier", 0, 100, null, "Demand × this while it lasts (0.5 halves it, 3 triples it).");
    }
}
