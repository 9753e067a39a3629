using Berth.Spec;

namespace Berth.Catalog;

/// <summary>
/// What the kubelet leaves for pods on a node, or what a pod requests: CPU in millicores, memory in MiB, a pod count,
/// ephemeral storage in MiB and GPUs. A request of 0 ephemeral storage or GPUs asks for none.
/// </summary>
public readonly record struct Resources(long CpuMillicores, long MemoryMiB, int Pods, long EphemeralMiB = 0, int Gpus = 0)
{
    public static Resources operator +(Resources a, Resources b) =>
        new(a.CpuMillicores + b.CpuMillicores, a.MemoryMiB + b.MemoryMiB, a.Pods + b.Pods, a.EphemeralMiB + b.EphemeralMiB, a.Gpus + b.Gpus);

    public static Resources operator -(Resources a, Resources b) =>
        new(a.CpuMillicores - b.CpuMillicores, a.MemoryMiB - b.MemoryMiB, a.Pods - b.Pods, a.EphemeralMiB - b.EphemeralMiB, a.Gpus - b.Gpus);

    /// <summary>Whether every dimension of <paramref name="need"/> fits in this.</summary>
    public bool Holds(Resources need) =>
        need.CpuMillicores <= CpuMillicores && need.MemoryMiB <= MemoryMiB && need.Pods <= Pods
        && need.EphemeralMiB <= EphemeralMiB && need.Gpus <= Gpus;

    /// <summary>The larger of each dimension.</summary>
    public static Resources Max(Resources a, Resources b) =>
        new(Math.Max(a.CpuMillicores, b.CpuMillicores), Math.Max(a.MemoryMiB, b.MemoryMiB), Math.Max(a.Pods, b.Pods),
            Math.Max(a.EphemeralMiB, b.EphemeralMiB), Math.Max(a.Gpus, b.Gpus));
}

/// <summary>
/// Node allocatable as Karpenter's AWS provider computes it for AL2023 (karpenter-provider-aws
/// pkg/providers/instancetype/types.go: memory(), ENILimitedPods(), kubeReservedResources(), evictionThreshold(),
/// ephemeralStorage()). These reproduce Karpenter's published allocatable values, e.g. m5.large: 1930m, 6903 MiB, 29 pods.
/// </summary>
public static class Allocatable
{
    /// <summary>Karpenter's default --vm-memory-overhead-percent.</summary>
    public const double VmMemoryOverheadPercent = 0.075;

    /// <summary>Graviton instances reserve 64 MiB of CMA memory the OS cannot use.</summary>
    public const long Arm64ReservedMiB = 64;

    /// <summary>The kubelet's default hard eviction threshold, memory.available &lt; 100Mi.</summary>
    public const long EvictionThresholdMiB = 100;

    /// <summary>Kubernetes' default max pods where no ENI limit is known.</summary>
    public const int DefaultMaxPods = 110;

    /// <summary>The root volume of Karpenter's default AL2023 EC2NodeClass when blockDeviceMappings is not set: 20 GiB.</summary>
    public const int DefaultRootVolumeGiB = 20;

    /// <summary>kube-reserved ephemeral storage: 1 GiB (types.go kubeReservedResources).</summary>
    public const long KubeReservedEphemeralMiB = 1024;

    /// <summary>The kubelet's default nodefs.available eviction threshold: 10% of the root volume (types.go evictionThreshold).</summary>
    public const double EphemeralEvictionPercent = 0.10;

    public static Resources For(InstanceTypeInfo type, int rootVolumeGiB = DefaultRootVolumeGiB)
    {
        var maxPods = MaxPods(type);
        var cpu = (type.Vcpu * 1000L) - KubeReservedCpuMillicores(type.Vcpu);
        var memory = Memory(type) - KubeReservedMemoryMiB(maxPods) - EvictionThresholdMiB;
        return new Resources(cpu, memory, maxPods, EphemeralStorageMiB(rootVolumeGiB), type.GpuCount);
    }

    /// <summary>Allocatable ephemeral storage: the root volume less 1 GiB kube-reserved and the 10% eviction threshold.</summary>
    public static long EphemeralStorageMiB(int rootVolumeGiB)
    {
        var capacity = rootVolumeGiB * 1024L;
        return capacity - KubeReservedEphemeralMiB - (long)Math.Ceiling(capacity * EphemeralEvictionPercent);
    }

    /// <summary>Memory the OS sees: capacity, less 64 MiB on arm64, less ceil(7.5%) for the hypervisor.</summary>
    public static long Memory(InstanceTypeInfo type)
    {
        var mib = type.MemoryMiB - (type.Arch == CpuArch.Arm64 ? Arm64ReservedMiB : 0);
        return mib - (long)Math.Ceiling(mib * VmMemoryOverheadPercent);
    }

    /// <summary>ENI-limited max pods: ENIs on the default network card × (IPv4 addresses per ENI − 1) + 2.</summary>
    public static int MaxPods(InstanceTypeInfo type) =>
        type is { DefaultCardEnis: { } enis, Ipv4PerEni: { } ips }
            ? (enis * (ips - 1)) + 2
            : type.EniMaxPods ?? DefaultMaxPods;

    /// <summary>kube-reserved memory: 11 MiB per pod + 255 MiB.</summary>
    public static long KubeReservedMemoryMiB(int maxPods) => (11L * maxPods) + 255;

    /// <summary>
    /// kube-reserved CPU: 6% of the first core, 1% of the second, 0.5% of the third and fourth, 0.25% of the rest,
    /// each range truncated to whole millicores as Karpenter does.
    /// </summary>
    public static long KubeReservedCpuMillicores(int vcpu)
    {
        long cpu = vcpu * 1000L;
        long total = 0;
        foreach (var (start, end, percent) in new (long, long, double)[] { (0, 1000, 0.06), (1000, 2000, 0.01), (2000, 4000, 0.005), (4000, 1L << 31, 0.0025) })
        {
            if (cpu >= start)
            {
                var span = cpu < end ? cpu - start : end - start;
                total += (long)(span * percent);
            }
        }

        return total;
    }
}
