using Berth.Catalog;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// EKS with Karpenter: NodePools (requirements, taints, labels, weights and limits) over one EC2NodeClass, the
/// workloads with the scheduling constraints their Deployments carry, and a small managed node group for the
/// cluster's own controllers (Karpenter cannot launch the node it needs to run on).
/// </summary>
public sealed record KarpenterPlan : OptionPlan
{
    public override string Id => OptionIds.EksKarpenter;

    public override string Platform => "eks";

    public override string Title => "EKS with Karpenter";

    public override int Order => 1;

    public required NodeClassPlan NodeClass { get; init; }

    /// <summary>NodePools in the order Karpenter tries them for new claims: weight, highest first, then name.</summary>
    public required IReadOnlyList<NodePoolPlan> Pools { get; init; }

    /// <summary>The services' pods as Deployments describe them, in the spec's order.</summary>
    public required IReadOnlyList<WorkloadPlan> Workloads { get; init; }

    public required SystemNodeGroupPlan System { get; init; }

    /// <summary>DaemonSet CPU, memory and pods on every node.</summary>
    public required Resources DaemonSetOverhead { get; init; }

    /// <summary>The availability zones nodes launch in (the private subnets' zones).</summary>
    public required IReadOnlyList<string> Zones { get; init; }

    public required ConsolidationPolicy Consolidation { get; init; }

    /// <summary>How long a node's pods must stay unchanged before consolidation may touch it; null is <c>Never</c>.</summary>
    public required TimeSpan? ConsolidateAfter { get; init; }

    public NodePoolPlan Pool(string name) => Pools.First(p => p.Name == name);
}

/// <summary>The EC2NodeClass: AMI, and the root volume every node gets (its ephemeral storage).</summary>
public sealed record NodeClassPlan(string Name, string AmiAlias, int RootVolumeGiB, string VolumeType);

/// <summary>NodePool limits: Karpenter launches no node that would take the pool's total capacity past them.</summary>
public sealed record PoolLimits(long CpuMillicores, long MemoryMiB, int Gpus);

/// <summary>One NodePool and the instance types its requirements allow (with allocatable and prices).</summary>
public sealed record NodePoolPlan(
    string Name,
    int Weight,
    PoolRequirements Requirements,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    PoolLimits Limits,
    NodeTypeTable Types);

/// <summary>
/// A service's pods as the generated Deployment describes them: requests (ephemeral storage only when berth.yaml sets
/// it), node selector, tolerations, preferred node affinity, topology spread, and replicas each hour of the week.
/// <see cref="Pool"/> is the NodePool those constraints lead to.
/// </summary>
public sealed record WorkloadPlan(
    ServiceSpec Service,
    string Namespace,
    Resources Requests,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<Toleration> Tolerations,
    IReadOnlyList<PreferredTerm> Preferred,
    IReadOnlyList<SpreadPlan> Spread,
    IReadOnlyList<int> HourlyReplicas,
    string Pool)
{
    public string Name => Service.Name;
}

/// <summary>The managed node group for the cluster's controllers: on demand, tainted CriticalAddonsOnly.</summary>
public sealed record SystemNodeGroupPlan(
    string Name,
    InstanceTypeInfo Type,
    int Count,
    PriceQuote Price,
    Resources Allocatable,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    IReadOnlyList<ControllerPod> Controllers)
{
    /// <summary>Each node's disk: a managed node group's default, 20 GiB gp3.</summary>
    public const int DiskGiB = 20;
}
