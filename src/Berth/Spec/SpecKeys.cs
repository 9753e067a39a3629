using System.Text.Json.Nodes;

namespace Berth.Spec;

/// <summary>
/// A numeric key of berth.yaml, declared once: its name, range, default and doc line. The JSON Schema
/// (<see cref="SpecSchema"/>), the reader's range check and the spec's defaults all take them from here, and a test
/// checks docs/berth-yaml.md against the schema.
/// </summary>
public abstract record NumericKey(string Name, string Doc)
{
    /// <summary>The key as the schema lists it.</summary>
    public SchemaProperty Property => new(Name, Schema);

    /// <summary>The JSON Schema of the value.</summary>
    public abstract JsonObject Schema();

    public static implicit operator SchemaProperty(NumericKey key) => key.Property;
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
/// Every numeric key of berth.yaml, one class per mapping. Kept apart from <see cref="SpecSchema"/> so that its
/// mappings, which list these keys, never see them before they are made (static initialisers run in textual order).
/// </summary>
public static class SpecKeys
{
    public static class Team
    {
        public static IntKey Engineers { get; } = new("engineers", 1, 10_000, 5, "Engineers who will build and run the platform.");

        public static IntKey OwningTeams { get; } = new("owningTeams", 1, 1_000, 1, "Teams that own services on the platform.");

        public static IntKey TimelineMonths { get; } = new("timelineMonths", 1, 120, 6, "Months until the platform must carry production traffic.");

        public static DecimalKey HourlyRateUsd { get; } = new("hourlyRateUsd", 0, 10_000, 100, "Loaded cost of one engineer-hour, for engineering-time cost.");
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
    }

    public static class Karpenter
    {
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
