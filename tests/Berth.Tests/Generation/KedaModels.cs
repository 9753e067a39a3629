using System.Text.Json.Serialization;
using k8s.Models;

namespace Berth.Tests.Generation;

// KEDA's keda.sh/v1alpha1 kinds as far as Berth writes them, field names as in KEDA's CRDs (v2.17). KubernetesClient
// has no KEDA types; with these, KubernetesYaml.Deserialize(strict: true) refuses any field they do not declare.
#pragma warning disable CA1812 // instantiated by the YAML deserializer

internal sealed class KedaTriggerAuthentication
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}

internal sealed class TriggerAuthenticationSpec
{
    [JsonPropertyName("podIdentity")]
    public KedaPodIdentity PodIdentity { get; set; } = new();
}

internal sealed class KedaPodIdentity
{
    [JsonPropertyName("provider")]
    public string Provider { get; set; } = "";

    [JsonPropertyName("identityOwner")]
    public string? IdentityOwner { get; set; }

    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }
}

internal sealed class KedaScaledObject
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledObjectSpec Spec { get; set; } = new();
}

internal sealed class ScaledObjectSpec
{
    [JsonPropertyName("scaleTargetRef")]
    public KedaScaleTarget ScaleTargetRef { get; set; } = new();

    [JsonPropertyName("minReplicaCount")]
    public int? MinReplicaCount { get; set; }

    [JsonPropertyName("maxReplicaCount")]
    public int? MaxReplicaCount { get; set; }

    [JsonPropertyName("cooldownPeriod")]
    public int? CooldownPeriod { get; set; }

    [JsonPropertyName("triggers")]
    public List<KedaTrigger> Triggers { get; set; } = [];
}

internal sealed class KedaScaleTarget
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}

internal sealed class KedaTrigger
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("metadata")]
    public Dictionary<string, string> Metadata { get; set; } = [];

    [JsonPropertyName("authenticationRef")]
    public KedaAuthenticationRef? AuthenticationRef { get; set; }
}

internal sealed class KedaAuthenticationRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }
}
