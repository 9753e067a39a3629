using System.Globalization;
using Berth.Catalog;
using Berth.Formatting;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// Decides the Karpenter platform for a spec: which NodePools, what each workload asks of the scheduler, the root
/// volume, the limits, and the controllers' node group. The generated manifests render exactly this.
/// </summary>
public static class KarpenterPlanner
{
    public const string GeneralPool = "general";
    public const string OnDemandPool = "on-demand";
    public const string NodeClassName = "default";

    /// <summary>Karpenter's AL2023 AMI alias. Pinning a version is for the platform team (the README says so).</summary>
    public const string AmiAlias = "al2023@latest";

    /// <summary>Keeps everything but services that cannot take a Spot interruption off the on-demand pool.</summary>
    public static readonly Taint OnDemandTaint = new("berth.dev/on-demand", "true", Taint.NoSchedule);

    /// <summary>The NVIDIA device plugin's convention: GPU nodes carry this taint so only GPU pods land there.</summary>
    public static readonly Taint GpuTaint = new("nvidia.com/gpu", "true", Taint.NoSchedule);

    /// <summary>EKS's convention for nodes reserved to critical add-ons (CoreDNS and Karpenter's chart tolerate it).</summary>
    public static readonly Taint SystemTaint = new("CriticalAddonsOnly", "true", Taint.NoSchedule);

    /// <summary>Availability zones the plan assumes the private subnets span.</summary>
    public const int ZoneCount = 3;

    /// <summary>The weight of the preferred Spot affinity on Spot-tolerant pods.</summary>
    public const int SpotPreferenceWeight = 100;

    /// <summary>Candidates for the controllers' node group, smallest first (terraform-aws-eks' Karpenter example runs
    /// the controller on m5.large).</summary>
    private static readonly string[] SystemTypes = ["m5.large", "m5.xlarge", "m5.2xlarge"];

    public static KarpenterPlan Plan(BerthSpec spec, PriceBook prices)
    {
        var k = spec.Eks.Karpenter;
        var general = PoolRequirements.From(k);
        var namespaces = Namespaces.For(spec);
        var overhead = NodeTypeTable.Overhead(spec.Eks.DaemonSetOverhead);
        var rootGiB = RootVolumeGiB(spec);
        var notes = new List<string>();
        var infeasible = new List<string>();

        // Services that cannot take an interruption get their own tainted on-demand pool when the general pool may
        // launch Spot; a pod with no capacity-type requirement would otherwise make a whole shared node on-demand.
        var needsOnDemandPool = spec.Services.Any(s => s.Gpu == 0 && !s.Spot) && general.CapacityTypes.Contains(CapacityType.Spot);
        var pools = new List<(string Name, int Weight, PoolRequirements Req, Dictionary<string, string> Labels, Taint[] Taints)>
        {
            (GeneralPool, 10, general, new() { [Labels.WorkloadClass] = GeneralPool }, []),
        };
        if (needsOnDemandPool)
        {
            pools.Add((OnDemandPool, 10, general with { CapacityTypes = [CapacityType.OnDemand] }, new() { [Labels.WorkloadClass] = OnDemandPool }, [OnDemandTaint]));
        }

        foreach (var gpu in spec.Services.Where(s => s.Gpu > 0).Select(s => GpuModel(s.GpuType)).Distinct().OrderBy(g => g.Pool, StringComparer.Ordinal))
        {
            var req = new PoolRequirements(general.CapacityTypes, general.Arch, [], [], [], [], [gpu.Maker], gpu.Model is { } m ? [m] : []);
            pools.Add((gpu.Pool, 10, req, new() { [Labels.WorkloadClass] = gpu.Pool }, [GpuTaint]));
        }

        var tables = pools.ToDictionary(p => p.Name, p => NodeTypeTable.Build(prices, p.Req, overhead, rootGiB), StringComparer.Ordinal);
        var gpuPools = pools.Where(p => p.Req.Gpu).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var workloads = spec.Services.Select(s => Workload(spec, s, namespaces, general, needsOnDemandPool)).ToArray();

        foreach (var w in workloads)
        {
            var table = tables[w.Pool];
            var arch = w.Service.Arch;
            var fits = Enumerable.Range(0, table.Count).Any(t => table.Types[t].Arch == arch && table.Allocatable[t].Holds(w.Requests));
            if (!fits)
            {
                infeasible.Add(NoTypeHolds(w, table, pools.First(p => p.Name == w.Pool).Req, prices.Region));
            }
        }

        var poolPlans = pools.Select(p => new NodePoolPlan(p.Name, p.Weight, p.Req, p.Labels, p.Taints,
                Limits(workloads.Where(w => w.Pool == p.Name), tables[p.Name], gpuPools.Contains(p.Name)), tables[p.Name]))
            .OrderByDescending(p => p.Weight)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();

        var system = SystemGroup(spec, prices, overhead);
        if (system is null)
        {
            infeasible.Add($"no {string.Join(" or ", SystemTypes)} on-demand price in {prices.Region} for the controllers' node group: add one under pricing.overrides.ec2");
        }

        if (spec.Environment == DeploymentEnvironment.Production)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"production: services with more than one replica spread over {ZoneCount} availability zones (topology spread, maxSkew 1), which Karpenter honours when it launches nodes"));
        }

        return new KarpenterPlan
        {
            Clusters = Planner.Clusters(spec),
            NodeClass = new NodeClassPlan(NodeClassName, AmiAlias, rootGiB, "gp3"),
            Pools = poolPlans,
            Workloads = workloads,
            System = system ?? new SystemNodeGroupPlan("system", prices.Catalog.Instances[0], 0, new PriceQuote(0, "none", "", true, "no price"), default, new Dictionary<string, string>(), [], []),
            DaemonSetOverhead = overhead,
            Zones = Enumerable.Range(0, ZoneCount).Select(i => spec.Region + (char)('a' + i)).ToArray(),
            Consolidation = k.Consolidation,
            ConsolidateAfter = k.ConsolidateAfter,
            Infeasible = infeasible,
            Notes = notes,
        };
    }

    /// <summary>
    /// The root volume: Karpenter's default 20 GiB when no pod requests ephemeral storage; otherwise room for the OS
    /// and images (20 GiB) plus four pods of the largest request, rounded up to 10 GiB. Storage is a packing
    /// dimension, so pods with larger requests take more nodes rather than being overcommitted.
    /// </summary>
    public static int RootVolumeGiB(BerthSpec spec)
    {
        var largest = spec.Services.Where(s => s.StorageRequested).Select(s => (int)Math.Ceiling(s.Storage.GiB)).DefaultIfEmpty(0).Max();
        if (largest == 0)
        {
            return Allocatable.DefaultRootVolumeGiB;
        }

        var size = Allocatable.DefaultRootVolumeGiB + (4 * largest);
        return (size + 9) / 10 * 10;
    }

    /// <summary>A gpuType as the pool it needs: maker (nvidia unless named) and model (any when not named).</summary>
    private static (string Pool, string Maker, string? Model) GpuModel(string? gpuType)
    {
        if (gpuType is null)
        {
            return ("gpu", "nvidia", null);
        }

        var parts = gpuType.Split('-', 2);
        var (maker, model) = parts.Length == 2 && parts[0] is "nvidia" or "amd" ? (parts[0], parts[1]) : ("nvidia", gpuType);
        return ("gpu-" + model, maker, model);
    }

    private static WorkloadPlan Workload(BerthSpec spec, ServiceSpec s, Namespaces namespaces, PoolRequirements general, bool onDemandPool)
    {
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal) { [Labels.Arch] = s.Arch == CpuArch.Arm64 ? "arm64" : "amd64" };
        var tolerations = new List<Toleration>();
        var preferred = new List<PreferredTerm>();
        string pool;
        if (s.Gpu > 0)
        {
            pool = GpuModel(s.GpuType).Pool;
            selector[Labels.WorkloadClass] = pool;
            tolerations.Add(new Toleration(GpuTaint.Key, "Exists", null, GpuTaint.Effect));
        }
        else if (!s.Spot && onDemandPool)
        {
            pool = OnDemandPool;
            selector[Labels.WorkloadClass] = pool;
            tolerations.Add(new Toleration(OnDemandTaint.Key, "Equal", OnDemandTaint.Value, OnDemandTaint.Effect));
        }
        else
        {
            pool = GeneralPool;
        }

        var capacity = general.CapacityTypes;
        var mixed = capacity.Contains(CapacityType.Spot) && capacity.Contains(CapacityType.OnDemand);
        if (s.Spot && mixed && pool != OnDemandPool)
        {
            // Karpenter treats a preference as required until the pod cannot schedule (preferences.go Relax), so
            // Spot-tolerant pods open Spot claims rather than riding on-demand nodes.
            preferred.Add(new PreferredTerm(SpotPreferenceWeight, Labels.CapacityType, [Labels.Spot]));
        }
        else if (!s.Spot && mixed && s.Gpu > 0)
        {
            selector[Labels.CapacityType] = Labels.OnDemand;
        }

        var spread = spec.Environment == DeploymentEnvironment.Production && s.MaxReplicas > 1
            ? new[] { new SpreadPlan(Labels.Zone, 1, SpreadPlan.ScheduleAnyway) }
            : [];
        var requests = new Resources(
            s.Cpu.Value,
            (long)Math.Ceiling(s.Memory.MiB),
            1,
            s.StorageRequested ? (long)Math.Ceiling(s.Storage.MiB) : 0,
            s.Gpu);
        return new WorkloadPlan(s, namespaces.Of[s.Name], requests, selector, tolerations, preferred, spread, ReplicaSchedule.Hourly(s), pool);
    }

    /// <summary>
    /// Limits that stop a runaway (a bad HPA, a crash loop) without binding at the planned peak: CPU twice what the peak
    /// needs (in vCPU, on the pool's least generous type for whichever resource binds) plus one node of the largest type
    /// per zone (spread leaves a part-full node in each), in whole vCPU; memory as much as that CPU brings on the pool's most memory-rich type, so it never binds
    /// first (Karpenter launches a cheap memory-rich Spot type for CPU-bound pods). A GPU pool's nodes are sized by
    /// GPUs, not CPU (four one-GPU pods ride a four-GPU, 48-vCPU node), so its limits allow every peak pod a node of its
    /// largest type.
    /// </summary>
    private static PoolLimits Limits(IEnumerable<WorkloadPlan> workloads, NodeTypeTable table, bool gpu)
    {
        if (gpu)
        {
            var pods = workloads.Sum(w => w.HourlyReplicas.Max());
            return new PoolLimits(
                RoundUp(pods * (table.Count == 0 ? 0 : table.Types.Max(t => t.Vcpu * 1000L)), 1000),
                RoundUp(pods * (table.Count == 0 ? 0 : table.Types.Max(t => t.MemoryMiB)), 1024),
                pods * (table.Count == 0 ? 0 : table.Types.Max(t => t.GpuCount)));
        }

        // The vCPU the peak needs on the pool's least generous type for each resource (memory-bound pods need nodes by
        // memory, tiny pods by pod slots, storage-heavy pods by root volumes), so a limit in vCPU holds any of them.
        double needVcpu = 0, needMem = 0, needPods = 0, needStorage = 0;
        foreach (var w in workloads)
        {
            var peak = w.HourlyReplicas.Max();
            needVcpu += peak * w.Requests.CpuMillicores / 1000.0;
            needMem += peak * w.Requests.MemoryMiB;
            needPods += peak;
            needStorage += peak * w.Requests.EphemeralMiB;
        }

        if (table.Count == 0)
        {
            return new PoolLimits(0, 0, 0);
        }

        double Least(Func<int, double> perVcpu) => Enumerable.Range(0, table.Count).Min(perVcpu);
        var vcpu = Math.Max(
            Math.Max(needVcpu, needMem / Least(t => table.Allocatable[t].MemoryMiB / (double)table.Types[t].Vcpu)),
            Math.Max(needPods / Least(t => table.Allocatable[t].Pods / (double)table.Types[t].Vcpu),
                needStorage == 0 ? 0 : needStorage / Least(t => table.Allocatable[t].EphemeralMiB / (double)table.Types[t].Vcpu)));
        var largestCpu = table.Types.Max(t => t.Vcpu * 1000L);
        var mibPerVcpu = table.Types.Max(t => t.MemoryMiB / (double)t.Vcpu);
        var cpuLimit = RoundUp((long)Math.Ceiling(2 * vcpu * 1000) + (ZoneCount * largestCpu), 1000);
        return new PoolLimits(cpuLimit, RoundUp((long)Math.Ceiling(cpuLimit / 1000.0 * mibPerVcpu), 1024), 0);
    }

    private static long RoundUp(long value, long step) => (value + step - 1) / step * step;

    private static string NoTypeHolds(WorkloadPlan w, NodeTypeTable table, PoolRequirements req, string region)
    {
        var what = Requests.Describe(w.Service.Cpu, w.Service.Memory)
            + (w.Requests.EphemeralMiB > 0 ? $" / {Fmt.Number(w.Requests.EphemeralMiB / 1024m)} GiB storage" : "")
            + (w.Requests.Gpus > 0 ? $" / {w.Requests.Gpus} GPU" : "");
        if (req.Gpu)
        {
            var model = req.GpuNames.Count > 0 ? string.Join(", ", req.GpuManufacturers.Select(m => m + "-" + req.GpuNames[0])) : "NVIDIA";
            return $"{w.Name} ({what}) fits no {model} GPU instance type priced in {region} for {(w.Service.Arch == CpuArch.Arm64 ? "arm64" : "x86_64")}: choose another gpuType or add prices under pricing.overrides.ec2";
        }

        var allowed = req.Cpus.Count > 0 ? $"instanceCpu {string.Join(", ", req.Cpus.Order())}" : "its requirements";
        return $"{w.Name} ({what}) fits no instance type the NodePool '{w.Pool}' allows ({allowed}, categories {string.Join(", ", req.Categories)}): widen eks.karpenter's instanceCpu or instanceCategories";
    }

    /// <summary>The cheapest candidate type and count (at least two, for the controllers' HA) that holds the controllers.</summary>
    private static SystemNodeGroupPlan? SystemGroup(BerthSpec spec, PriceBook prices, Resources overhead)
    {
        var controllers = ClusterControllers.For(spec, karpenter: true);
        var pods = controllers.SelectMany(c => Enumerable.Range(0, c.Replicas).Select(i => new FleetPod(
            $"{c.Name}-{i}", new Resources(c.Cpu.Value, (long)Math.Ceiling(c.Memory.MiB), 1), CpuArch.X64, false))).ToArray();
        (InstanceTypeInfo Type, int Count, PriceQuote Price, Resources Alloc)? best = null;
        foreach (var name in SystemTypes)
        {
            if (prices.Catalog.Instance(name) is not { } type || prices.Ec2(name, CapacityType.OnDemand) is not { } price)
            {
                continue;
            }

            var alloc = Allocatable.For(type) - overhead;
            for (var count = 2; count <= 8; count++)
            {
                var nodes = Enumerable.Range(0, count).Select(_ => new FixedNode(0, type.Arch, CapacityType.OnDemand, alloc)).ToArray();
                if (FixedFleet.Unplaced(nodes, pods).Count == 0)
                {
                    if (best is null || price.UsdPerHour * count < best.Value.Price.UsdPerHour * best.Value.Count)
                    {
                        best = (type, count, price, alloc);
                    }

                    break;
                }
            }
        }

        return best is { } b
            ? new SystemNodeGroupPlan("system", b.Type, b.Count, b.Price, b.Alloc, new SortedDictionary<string, string>(StringComparer.Ordinal) { [Labels.System] = "true" }, [SystemTaint], controllers)
            : null;
    }
}
