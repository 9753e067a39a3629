namespace Berth.Planning;

/// <summary>Node labels the generated manifests and Berth's scheduler both read, declared once.</summary>
public static class Labels
{
    public const string Arch = "kubernetes.io/arch";
    public const string CapacityType = "karpenter.sh/capacity-type";
    public const string Zone = "topology.kubernetes.io/zone";
    public const string Hostname = "kubernetes.io/hostname";
    public const string InstanceType = "node.kubernetes.io/instance-type";
    public const string InstanceCategory = "karpenter.k8s.aws/instance-category";
    public const string InstanceCpu = "karpenter.k8s.aws/instance-cpu";
    public const string InstanceFamily = "karpenter.k8s.aws/instance-family";
    public const string InstanceGeneration = "karpenter.k8s.aws/instance-generation";
    public const string GpuManufacturer = "karpenter.k8s.aws/instance-gpu-manufacturer";
    public const string GpuName = "karpenter.k8s.aws/instance-gpu-name";

    /// <summary>The label every Berth NodePool puts on its nodes; pods select their pool with it.</summary>
    public const string WorkloadClass = "berth.dev/workload-class";

    /// <summary>The label of the managed node group that runs the cluster's own controllers.</summary>
    public const string System = "berth.dev/system";

    public const string Spot = "spot";
    public const string OnDemand = "on-demand";
}

/// <summary>A node taint (Kubernetes core/v1 Taint).</summary>
public sealed record Taint(string Key, string Value, string Effect)
{
    public const string NoSchedule = "NoSchedule";
}

/// <summary>A pod toleration (core/v1 Toleration): <c>Exists</c> matches any value of the key, <c>Equal</c> one value.</summary>
public sealed record Toleration(string Key, string Operator, string? Value, string? Effect)
{
    /// <summary>
    /// Whether this tolerates <paramref name="taint"/>, as Kubernetes' ToleratesTaint (k8s.io/api core/v1
    /// toleration.go): the keys match (an empty key with Exists matches every key), the effects match (an empty effect
    /// matches every effect), and Exists, or Equal with the same value.
    /// </summary>
    public bool Tolerates(Taint taint)
    {
        if (Effect is { Length: > 0 } e && e != taint.Effect)
        {
            return false;
        }

        if (Key.Length > 0 && Key != taint.Key)
        {
            return false;
        }

        return Operator switch
        {
            "Exists" => true,
            _ => (Value ?? "") == taint.Value,
        };
    }

    public static bool ToleratesAll(IReadOnlyList<Toleration> tolerations, IReadOnlyList<Taint> taints) =>
        taints.All(t => tolerations.Any(o => o.Tolerates(t)));
}

/// <summary>A preferred node-affinity term: <c>Key In Values</c> with a weight (1..100).</summary>
public sealed record PreferredTerm(int Weight, string Key, IReadOnlyList<string> Values);

/// <summary>A topology spread constraint on the workload's own pods.</summary>
public sealed record SpreadPlan(string TopologyKey, int MaxSkew, string WhenUnsatisfiable)
{
    public const string ScheduleAnyway = "ScheduleAnyway";
    public const string DoNotSchedule = "DoNotSchedule";
}
