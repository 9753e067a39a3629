using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Spec;

/// <summary>One property of a berth.yaml mapping and its JSON Schema.</summary>
public sealed record SchemaProperty(string Name, Func<JsonObject> Schema);

/// <summary>One mapping of berth.yaml: the keys the loader accepts and the JSON Schema the editor sees.</summary>
public sealed record SchemaObject(string Description, IReadOnlyList<SchemaProperty> Properties, IReadOnlyList<string> Required)
{
    public IReadOnlyList<string> Keys => Properties.Select(p => p.Name).ToArray();

    public JsonObject ToJson()
    {
        var properties = new JsonObject();
        foreach (var p in Properties)
        {
            properties[p.Name] = p.Schema();
        }

        var o = new JsonObject
        {
            ["type"] = "object",
            ["description"] = Description,
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        if (Required.Count > 0)
        {
            o["required"] = new JsonArray(Required.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        return o;
    }
}

/// <summary>
/// The shape of berth.yaml, defined once: the loader takes its key sets from here (so an unknown key is
/// exactly a key not listed here) and <c>berth schema</c> prints it as JSON Schema 2020-12.
/// </summary>
public static class SpecSchema
{
    public const string Id = "https://berth.dev/schema/berth.schema.json";
    public const string NamePattern = "^[a-z]([-a-z0-9]*[a-z0-9])?$";
    public const string InstanceTypePattern = "^[a-z][a-z0-9-]*\\.[a-z0-9-]+$";
    /// <summary>A DNS-1123 label (RFC 1123, as Kubernetes checks namespace names): at most 63 characters.</summary>
    public const string DnsLabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    public const string EnvNamePattern = "^[A-Za-z_][A-Za-z0-9_]*$";
    public const string DurationPattern = "^(Never|(?=[0-9])([0-9]+h)?([0-9]+m)?([0-9]+s)?)$";
    public const string TimeOfDayPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    public const string CpuPattern = "^[0-9]+(\\.[0-9]+)?m?$";
    public const string MemoryPattern = "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T|MB|GB|TB)?$";

    public static SchemaObject Team { get; } = new(
        "The team that will run the platform.",
        [
            SpecKeys.Team.Engineers,
            SpecKeys.Team.KubernetesExpertise,
            SpecKeys.Team.OwningTeams,
            SpecKeys.Team.TimelineMonths,
            SpecKeys.Team.HourlyRateUsd,
        ],
        []);

    public static SchemaObject Requirements { get; } = new(
        "What the platform must support.",
        [
            SpecKeys.Requirements.Gitops,
            SpecKeys.Requirements.ServiceMesh,
            SpecKeys.Requirements.MultiTenancy,
            SpecKeys.Requirements.EventDrivenScaling,
            SpecKeys.Requirements.StatefulWorkloads,
            SpecKeys.Requirements.Gpu,
            SpecKeys.Requirements.CustomNodeConfig,
            SpecKeys.Requirements.LiftAndShift,
            new("operators", () => StringList("CRD-based platform tooling (e.g. spark-operator).", NamePattern)),
        ],
        []);

    public static SchemaObject Scaling { get; } = new(
        "Target-tracking autoscaling (instead of a fixed replicas count).",
        [
            SpecKeys.Scaling.Min,
            SpecKeys.Scaling.Max,
            SpecKeys.Scaling.CpuTarget,
            SpecKeys.Scaling.MemoryTarget,
        ],
        ["min", "max"]);

    public static SchemaObject EventSource { get; } = new(
        "Scale on queue depth or consumer lag.",
        [
            new("type", () => Enum(SpecEnums.EventSource.All, null, "Queue or stream kind.")),
            new("name", () => Str("Queue name or Kafka topic.", "^.+$")),
            SpecKeys.EventSource.TargetPerReplica,
            SpecKeys.EventSource.Partitions,
        ],
        ["type", "name"]);

    /// <summary>A GPU model: an optional manufacturer and a model, lowercase (nvidia-l4, a10g).</summary>
    public const string GpuTypePattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static SchemaObject Service { get; } = new(
        "One containerised service.",
        [
            new("name", () => Str("Service name: lowercase letters, digits and '-', starting with a letter.", NamePattern)),
            SpecKeys.Service.Type,
            SpecKeys.Service.Cpu,
            SpecKeys.Service.Memory,
            SpecKeys.Service.Replicas,
            new("scaling", () => Scaling.ToJson()),
            new("demand", Demand),
            SpecKeys.Service.Spot,
            SpecKeys.Service.Arch,
            SpecKeys.Service.Storage,
            SpecKeys.Service.Port,
            SpecKeys.Service.HealthCheck,
            new("secrets", Secrets),
            new("eventSource", () => EventSource.ToJson()),
            SpecKeys.Service.GracefulShutdown,
            SpecKeys.Service.Count,
            new("team", TeamName),
            SpecKeys.Service.Gpu,
            new("gpuType", () => Str("The GPU model, as Karpenter's instance-gpu-name label names it: nvidia-l4, nvidia-a10g, l4… (needs gpu).", GpuTypePattern)),
        ],
        ["name"]);

    public static SchemaObject CapacityProvider { get; } = new(
        "One item of the ECS capacity provider strategy.",
        [
            new("provider", () => Enum(EcsSpec.KnownProviders, null, "Capacity provider.")),
            SpecKeys.CapacityProvider.Base,
            SpecKeys.CapacityProvider.Weight,
        ],
        ["provider"]);

    public static SchemaObject Ecs { get; } = new(
        "ECS Fargate settings.",
        [
            new("capacityProviderStrategy", () => new JsonObject
            {
                ["type"] = "array",
                ["description"] = "How tasks are split between FARGATE and FARGATE_SPOT. Default: all on FARGATE.",
                ["minItems"] = 1,
                ["maxItems"] = 2,
                ["items"] = CapacityProvider.ToJson(),
            }),
        ],
        []);

    public static SchemaObject NodeGroup { get; } = new(
        "A fixed EKS managed node group.",
        [
            new("name", () => Str("Node group name.", NamePattern)),
            new("instanceType", () => Str("EC2 instance type, e.g. m5.xlarge.", InstanceTypePattern)),
            SpecKeys.NodeGroup.Count,
            SpecKeys.NodeGroup.CapacityType,
        ],
        ["name", "instanceType", "count"]);

    public static SchemaObject Karpenter { get; } = new(
        "Karpenter NodePool requirements.",
        [
            SpecKeys.Karpenter.Enabled,
            new("instanceCategories", () => StringList("karpenter.k8s.aws/instance-category values. Default [c, m, r].", "^[a-z]+$")),
            SpecKeys.Karpenter.InstanceCpu,
            new("instanceFamilies", () => StringList("karpenter.k8s.aws/instance-family values (any when empty).", "^[a-z0-9-]+$")),
            SpecKeys.Karpenter.InstanceGenerations,
            new("capacityTypes", () => EnumList(SpecEnums.CapacityType.All, "karpenter.sh/capacity-type values. Default [spot, on-demand].")),
            new("arch", () => EnumList(SpecEnums.NodeArch.All, "kubernetes.io/arch values. Default [amd64, arm64].")),
            SpecKeys.Karpenter.Consolidation,
            SpecKeys.Karpenter.ConsolidateAfter,
        ],
        []);

    public static SchemaObject ResourcePair { get; } = new(
        "CPU and memory used on every node by DaemonSets (log router, CNI, kube-proxy, node exporter).",
        [
            SpecKeys.DaemonSetOverhead.Cpu,
            SpecKeys.DaemonSetOverhead.Memory,
        ],
        []);

    public static SchemaObject Eks { get; } = new(
        "EKS settings.",
        [
            SpecKeys.Eks.Version,
            SpecKeys.Eks.SupportTier,
            new("nodeGroups", () => new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Fixed managed node groups. Default: none.",
                ["items"] = NodeGroup.ToJson(),
            }),
            new("karpenter", () => Karpenter.ToJson()),
            new("daemonSetOverhead", () => ResourcePair.ToJson()),
        ],
        []);

    public static SchemaObject FargateOverride { get; } = new(
        "Your own Fargate prices, in place of the catalog's.",
        [
            SpecKeys.FargateOverride.VcpuHour,
            SpecKeys.FargateOverride.GbHour,
            SpecKeys.FargateOverride.SpotDiscount,
            SpecKeys.FargateOverride.SpotInterruptionRate,
            SpecKeys.FargateOverride.SpotLaunchFailureRate,
        ],
        []);

    public static SchemaObject Ec2Override { get; } = new(
        "Your own price for one EC2 instance type.",
        [
            SpecKeys.Ec2Override.OnDemand,
            SpecKeys.Ec2Override.Spot,
        ],
        []);

    public static SchemaObject Overrides { get; } = new(
        "Prices that replace the catalog's.",
        [
            new("fargate", () => FargateOverride.ToJson()),
            new("ec2", () => new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Per instance type, e.g. m5.xlarge: { onDemand: 0.192, spot: 0.057 }.",
                ["propertyNames"] = new JsonObject { ["pattern"] = InstanceTypePattern },
                ["additionalProperties"] = Ec2Override.ToJson(),
            }),
        ],
        []);

    public static SchemaObject Discounts { get; } = new(
        "Discounts applied on top of the prices.",
        [
            SpecKeys.Discounts.ComputeSavingsPlan,
        ],
        []);

    public static SchemaObject EngineeringHours { get; } = new(
        "Platform-operations hours a month that replace Berth's engineering-time model (docs/cost-model.md).",
        [
            SpecKeys.EngineeringHours.EcsFargate,
            SpecKeys.EngineeringHours.Eks,
        ],
        []);

    public static SchemaObject Pricing { get; } = new(
        "How Berth prices the platforms.",
        [
            SpecKeys.Pricing.HoursPerMonth,
            new("catalog", () => Str("'embedded', or a path to a catalog file (relative to this file).", "^.+$", PricingSpec.EmbeddedCatalog)),
            new("overrides", () => Overrides.ToJson()),
            new("discounts", () => Discounts.ToJson()),
            new("engineeringHoursPerMonth", () => EngineeringHours.ToJson()),
        ],
        []);

    public static SchemaObject Noise { get; } = new(
        "Per-minute multiplicative demand noise.",
        [
            SpecKeys.Noise.Amplitude,
            SpecKeys.Noise.CorrelationMinutes,
            SpecKeys.Noise.Shared,
        ],
        []);

    public static SchemaObject DemandEvent { get; } = new(
        "A scripted change of demand (a launch, a sale, an outage upstream).",
        [
            new("name", () => Str("Event name, for messages.", NamePattern)),
            SpecKeys.DemandEvent.Day,
            new("at", () => Str("Time of day it starts, 24-hour: \"09:30\" (quote it).", TimeOfDayPattern)),
            new("duration", () => Str("How long it lasts: 30s, 5m, 1h30m.", "^(?=[0-9])([0-9]+h)?([0-9]+m)?([0-9]+s)?$")),
            SpecKeys.DemandEvent.Multiplier,
            new("services", () => StringList("Services it applies to (a service with count: every copy). Default: all.", NamePattern)),
        ],
        ["day", "at", "duration", "multiplier"]);

    public static SchemaObject Simulation { get; } = new(
        "How berth simulate varies demand beyond each service's hourly profile.",
        [
            new("noise", () => Noise.ToJson()),
            new("events", () => new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Scripted demand changes. Default: none.",
                ["items"] = DemandEvent.ToJson(),
            }),
        ],
        []);

    public static SchemaObject Root { get; } = new(
        "berth.yaml: a container workload and the team that runs it.",
        [
            new("version", () => new JsonObject { ["const"] = BerthSpec.CurrentVersion, ["description"] = "berth.yaml format version." }),
            new("name", () => Str("Workload name, used in generated resource names.", NamePattern)),
            new("region", () => Enum(KnownRegions.All, KnownRegions.Default, "AWS region.")),
            SpecKeys.Root.Environment,
            new("team", () => Team.ToJson()),
            new("requirements", () => Requirements.ToJson()),
            new("services", () => new JsonObject
            {
                ["type"] = "array",
                ["description"] = "The containerised services.",
                ["minItems"] = 1,
                ["items"] = ServiceWithRules(),
            }),
            new("ecs", () => Ecs.ToJson()),
            new("eks", () => Eks.ToJson()),
            new("pricing", () => Pricing.ToJson()),
            new("clients", () => StringList("Multi-client: one platform instance per client.", NamePattern)),
            new("simulation", () => Simulation.ToJson()),
            new("currentPlatform", () => Enum(SpecEnums.CurrentPlatform.All, null, "The option the team runs today (berth import writes it): assess and report then say what moving would change.")),
        ],
        ["version", "name", "services"]);

    /// <summary>The JSON Schema (2020-12) of berth.yaml, as <c>berth schema</c> prints it.</summary>
    public static string ToJsonText()
    {
        var root = Root.ToJson();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "berth.yaml",
        };
        foreach (var (key, value) in root.ToArray())
        {
            root.Remove(key);
            schema[key] = value;
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n";
    }

    private static JsonObject ServiceWithRules()
    {
        var service = Service.ToJson();
        service["not"] = new JsonObject { ["required"] = new JsonArray("replicas", "scaling") };
        return service;
    }

    private static JsonObject Demand() => new()
    {
        ["description"] = "Demand shape over the day/week, relative to peak: a named shape or 24 (daily) or 168 (weekly) values in 0..1.",
        ["default"] = DemandProfile.Flat.Shape,
        ["anyOf"] = new JsonArray(
            new JsonObject { ["enum"] = new JsonArray(DemandProfile.Shapes.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) },
            DemandList(DemandProfile.HoursPerDay),
            DemandList(DemandProfile.HoursPerWeek)),
    };

    private static JsonObject DemandList(int n) => new()
    {
        ["type"] = "array",
        ["minItems"] = n,
        ["maxItems"] = n,
        ["items"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
    };

    private static JsonObject Secrets() => new()
    {
        ["type"] = "object",
        ["description"] = "Environment variable name to Secrets Manager secret name.",
        ["propertyNames"] = new JsonObject { ["pattern"] = EnvNamePattern },
        ["additionalProperties"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
    };

    internal static JsonObject Int(long min, long max, long? @default, string description)
    {
        var o = new JsonObject { ["type"] = "integer", ["minimum"] = min, ["maximum"] = max, ["description"] = description };
        if (@default is { } d)
        {
            o["default"] = d;
        }

        return o;
    }

    internal static JsonObject Number(decimal min, decimal max, decimal? @default, string description)
    {
        var o = new JsonObject { ["type"] = "number", ["minimum"] = min, ["maximum"] = max, ["description"] = description };
        if (@default is { } d)
        {
            o["default"] = d;
        }

        return o;
    }

    internal static JsonObject Bool(bool @default, string description) =>
        new() { ["type"] = "boolean", ["default"] = @default, ["description"] = description };

    private static JsonObject TeamName()
    {
        var o = Str("Team that owns the service: its Kubernetes namespace, access entry and ArgoCD project on EKS (a DNS-1123 label, not default or kube-*). Default: services are split over team.owningTeams in the order listed.", DnsLabelPattern);
        o["maxLength"] = 63;
        o["not"] = new JsonObject { ["pattern"] = ReservedTeamPattern };
        return o;
    }

    /// <summary>Namespaces Kubernetes reserves and those the generated EKS platform itself uses.</summary>
    public const string ReservedTeamPattern = "^(default|kube-.*|argocd|keda|platform)$";

    internal static JsonObject Str(string description, string pattern, string? @default = null)
    {
        var o = new JsonObject { ["type"] = "string", ["pattern"] = pattern, ["description"] = description };
        if (@default is not null)
        {
            o["default"] = @default;
        }

        return o;
    }

    internal static JsonObject Enum(IEnumerable<string> values, string? @default, string description)
    {
        var o = new JsonObject
        {
            ["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["description"] = description,
        };
        if (@default is not null)
        {
            o["default"] = @default;
        }

        return o;
    }

    internal static JsonObject Quantity(string pattern, string @default, string description) => new()
    {
        ["description"] = description,
        ["default"] = @default,
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string", ["pattern"] = pattern },
            new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 }),
    };

    private static JsonObject StringList(string description, string pattern) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["uniqueItems"] = true,
        ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = pattern },
    };

    internal static JsonObject IntList(int min, int max, string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["uniqueItems"] = true,
        ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = min, ["maximum"] = max },
    };

    private static JsonObject EnumList(IEnumerable<string> values, string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["minItems"] = 1,
        ["uniqueItems"] = true,
        ["items"] = new JsonObject { ["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) },
    };
}
