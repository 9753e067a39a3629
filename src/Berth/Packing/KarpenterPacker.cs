using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>
/// Packs pending pods the way Karpenter's provisioning scheduler does (kubernetes-sigs/karpenter
/// pkg/controllers/provisioning/scheduling):
/// <list type="bullet">
/// <item>pods are queued by CPU, then memory, largest first (queue.go, byCPUAndMemoryDescending);</item>
/// <item>each pod tries the in-flight node claims, fewest pods first, then a new claim from each NodePool by weight,
/// highest first (scheduler.go <c>add</c>; provisioner.go <c>NewScheduler</c> with <c>OrderByWeight</c>);</item>
/// <item>joining a claim needs its NodePool's taints tolerated, the node selector and capacity-type requirements
/// compatible, topology spread satisfied, and some remaining instance type that holds every pod: the claim's types and
/// requirements narrow to those (nodeclaim.go <c>CanAdd</c>) — so a pod with no capacity-type requirement rides an
/// on-demand claim on demand;</item>
/// <item>a pod that cannot schedule has its preferences relaxed one at a time and tries again: the preferred node
/// affinity first, then a ScheduleAnyway spread (preferences.go <c>Relax</c>), so a preference is required at first;</item>
/// <item>zone topology spread counts the workload's pods per zone and puts the pod in the least-loaded zone the claim
/// allows, if that keeps the skew within maxSkew (topologygroup.go <c>nextDomainTopologySpread</c>);</item>
/// <item>at launch a claim is Spot when it allows Spot and a Spot offering is cheaper than the cheapest on-demand one,
/// and the type is the cheapest left.</item>
/// </list>
/// Simplified (docs/packing.md): no existing nodes; the cheapest type rather than CreateFleet's price-capacity-optimized
/// choice among the 60 cheapest; NodePool limits are checked against the launched nodes' capacity (the steady state of
/// Karpenter's rounds) rather than against the largest type a claim could still become within one round.
/// </summary>
public static class KarpenterPacker
{
    private sealed class Claim(int pool, CpuArch arch, List<int> options, bool onDemand, bool spot, int zone)
    {
        public int Pool { get; } = pool;

        public CpuArch Arch { get; } = arch;

        public List<int> Options { get; set; } = options;

        public bool OnDemand { get; set; } = onDemand;

        public bool Spot { get; set; } = spot;

        public int Zone { get; set; } = zone;

        public Resources Used { get; set; }

        public List<int> Pods { get; } = [];

        public Resources Max { get; set; }
    }

    /// <summary>One pool, no taints, zones or limits: what the simulator packs pending pods with.</summary>
    /// <param name="table">The NodePool's instance types.</param>
    /// <param name="set">The pods to pack.</param>
    /// <param name="withLowerBound">Solve the LP lower bound too; the simulator, packing pending pods thousands of times, skips it (0).</param>
    public static PackingResult Pack(NodeTypeTable table, PodSet set, bool withLowerBound = true) =>
        Pack(PackingProblem.OnePool(table, set), set, withLowerBound);

    public static PackingResult Pack(PackingProblem problem, PodSet set, bool withLowerBound = true)
    {
        var pods = set.Pods;
        var order = Enumerable.Range(0, pods.Count)
            .OrderByDescending(i => pods[i].CpuMillicores)
            .ThenByDescending(i => pods[i].MemoryMiB)
            .ThenBy(i => i)
            .ToArray();
        var zones = problem.Zones.Count;
        var counts = new int[problem.Workloads.Count * zones];
        var claims = new List<Claim>();
        var created = new List<Claim>();
        var unschedulable = new List<int>();
        foreach (var p in order)
        {
            var pod = pods[p];
            var w = problem.Workloads[pod.Service];
            var preferSpot = w.PreferSpot;
            var spread = w.ZoneMaxSkew > 0;
            while (true)
            {
                if (TryClaims(problem, claims, counts, pod, p, w, preferSpot, spread) || TryNew(problem, claims, created, counts, pod, p, w, preferSpot, spread))
                {
                    break;
                }

                // preferences.go Relax: the preferred node affinity goes first, then the ScheduleAnyway spread.
                if (preferSpot)
                {
                    preferSpot = false;
                }
                else if (spread)
                {
                    spread = false;
                }
                else
                {
                    unschedulable.Add(p);
                    break;
                }
            }
        }

        var (nodes, overLimit) = Launch(problem, created, zones);
        unschedulable.AddRange(overLimit);
        var sorted = nodes
            .OrderBy(n => n.Pool, StringComparer.Ordinal)
            .ThenBy(n => n.InstanceType, StringComparer.Ordinal)
            .ThenBy(n => n.Capacity)
            .ThenBy(n => n.Zone, StringComparer.Ordinal)
            .ThenBy(n => n.Pods[0])
            .ToArray();
        var bound = withLowerBound ? LowerBound.Solve(problem, pods, Enumerable.Range(0, pods.Count).Except(unschedulable)) : 0;
        return new PackingResult(PackingMode.Karpenter, set, sorted, bound, [.. unschedulable.Order()]) { OverLimit = [.. overLimit.Order()] };
    }

    private static bool TryClaims(PackingProblem problem, List<Claim> claims, int[] counts, Pod pod, int p, WorkloadSpec w, bool preferSpot, bool spread)
    {
        for (var c = 0; c < claims.Count; c++)
        {
            var claim = claims[c];
            if (claim.Arch != pod.Arch || !Contains(w.Pools, claim.Pool))
            {
                continue;
            }

            // Capacity type: a Spot preference (while it holds) requires Spot; a required on-demand excludes it.
            var onDemand = claim.OnDemand && !preferSpot;
            var spot = claim.Spot && !w.RequireOnDemand && pod.SpotOk;
            if (!onDemand && !spot)
            {
                continue;
            }

            var zone = claim.Zone;
            if (spread || (w.ZoneMaxSkew > 0 && zone < 0))
            {
                zone = NextZone(problem, counts, pod.Service, w.ZoneMaxSkew, claim.Zone, enforce: spread);
                if (zone < 0)
                {
                    continue;
                }
            }

            var need = claim.Used + pod.Requests;
            if (!claim.Max.Holds(need))
            {
                continue;
            }

            var table = problem.Pools[claim.Pool].Table;
            var holding = 0;
            foreach (var t in claim.Options)
            {
                if (Fits(table, t, need, onDemand, spot))
                {
                    holding++;
                }
            }

            if (holding == 0)
            {
                continue;
            }

            if (holding < claim.Options.Count)
            {
                claim.Options = claim.Options.Where(t => Fits(table, t, need, onDemand, spot)).ToList();
                claim.Max = MaxOf(table, claim.Options);
            }

            claim.OnDemand = onDemand;
            claim.Spot = spot;
            Place(claim, zone, counts, problem, pod, p, need, w);

            // Keep claims ordered by pod count, fewest first, as Karpenter sorts them before each pod.
            for (var k = c; k + 1 < claims.Count && claims[k + 1].Pods.Count < claims[k].Pods.Count; k++)
            {
                (claims[k], claims[k + 1]) = (claims[k + 1], claims[k]);
            }

            return true;
        }

        return false;
    }

    private static bool TryNew(PackingProblem problem, List<Claim> claims, List<Claim> created, int[] counts, Pod pod, int p, WorkloadSpec w, bool preferSpot, bool spread)
    {
        foreach (var poolIndex in w.Pools)
        {
            var table = problem.Pools[poolIndex].Table;
            var onDemand = table.OnDemandAllowed && !preferSpot;
            var spot = table.SpotAllowed && !w.RequireOnDemand && pod.SpotOk;
            if (!onDemand && !spot)
            {
                continue;
            }

            var fits = new List<int>();
            for (var t = 0; t < table.Count; t++)
            {
                if (table.Types[t].Arch == pod.Arch && Fits(table, t, pod.Requests, onDemand, spot))
                {
                    fits.Add(t);
                }
            }

            if (fits.Count == 0)
            {
                continue;
            }

            var zone = -1;
            if (w.ZoneMaxSkew > 0)
            {
                zone = NextZone(problem, counts, pod.Service, w.ZoneMaxSkew, -1, enforce: spread);
                if (zone < 0)
                {
                    continue;
                }
            }

            var fresh = new Claim(poolIndex, pod.Arch, fits, onDemand, spot, -1) { Max = MaxOf(table, fits) };
            Place(fresh, zone, counts, problem, pod, p, pod.Requests, w);
            created.Add(fresh);
            var at = 0;
            while (at < claims.Count && claims[at].Pods.Count <= 1)
            {
                at++;
            }

            claims.Insert(at, fresh);
            return true;
        }

        return false;
    }

    private static void Place(Claim claim, int zone, int[] counts, PackingProblem problem, Pod pod, int p, Resources need, WorkloadSpec w)
    {
        claim.Zone = zone;
        claim.Used = need;
        claim.Pods.Add(p);
        if (w.ZoneMaxSkew > 0 && zone >= 0)
        {
            counts[(pod.Service * problem.Zones.Count) + zone]++;
        }
    }

    /// <summary>
    /// The zone a spread pod goes to on a claim: the least-loaded zone the claim allows (all, when it has none yet),
    /// if placing the pod there keeps count − min ≤ maxSkew (topologygroup.go nextDomainTopologySpread: the skew is
    /// measured against the minimum over every zone). With the spread relaxed the pod still pins the claim's zone, so
    /// its count stays exact. −1 when no zone will do.
    /// </summary>
    private static int NextZone(PackingProblem problem, int[] counts, int workload, int maxSkew, int claimZone, bool enforce)
    {
        var zones = problem.Zones.Count;
        var row = workload * zones;
        var min = int.MaxValue;
        for (var z = 0; z < zones; z++)
        {
            min = Math.Min(min, counts[row + z]);
        }

        var best = -1;
        for (var z = 0; z < zones; z++)
        {
            if (claimZone >= 0 && z != claimZone)
            {
                continue;
            }

            var count = counts[row + z] + 1;
            if (enforce && count - min > maxSkew)
            {
                continue;
            }

            if (best < 0 || counts[row + z] < counts[row + best])
            {
                best = z;
            }
        }

        return best;
    }

    private static bool Fits(NodeTypeTable table, int t, Resources need, bool onDemand, bool spot) =>
        table.Allocatable[t].Holds(need) && ((onDemand && table.OnDemandAllowed) || (spot && table.Offers(t, CapacityType.Spot)));

    private static bool Contains(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Launches the claims in the order they were made. A claim is Spot when it allows Spot and the cheapest Spot
    /// offering beats the cheapest on-demand one; the type is the cheapest that keeps the NodePool's launched capacity
    /// within its limits, and a claim no type keeps within them is not launched (its pods stay pending).
    /// </summary>
    private static (List<PackedNode> Nodes, List<int> OverLimit) Launch(PackingProblem problem, List<Claim> created, int zones)
    {
        var nodes = new List<PackedNode>();
        var overLimit = new List<int>();
        var launched = new Resources[problem.Pools.Count];
        var perZone = new int[zones];
        foreach (var claim in created)
        {
            var pool = problem.Pools[claim.Pool];
            var table = pool.Table;
            var spotOptions = claim.Spot ? claim.Options.Where(t => table.Offers(t, CapacityType.Spot)).ToArray() : [];
            var cheapestOnDemand = claim.OnDemand && table.OnDemandAllowed ? claim.Options.Min(t => table.OnDemandUsd[t]) : decimal.MaxValue;
            var useSpot = spotOptions.Length > 0 && spotOptions.Min(t => table.SpotUsd[t]!.Value) < cheapestOnDemand;
            var capacity = useSpot ? CapacityType.Spot : CapacityType.OnDemand;
            var candidates = (useSpot ? spotOptions : [.. claim.Options])
                .OrderBy(t => table.Price(t, capacity))
                .ThenBy(t => table.Types[t].Name, StringComparer.Ordinal);
            var type = -1;
            foreach (var t in candidates)
            {
                if (pool.Limits is not { } limits || WithinLimits(launched[claim.Pool] + Capacity(table.Types[t]), limits))
                {
                    type = t;
                    break;
                }
            }

            if (type < 0)
            {
                overLimit.AddRange(claim.Pods);
                continue;
            }

            launched[claim.Pool] += Capacity(table.Types[type]);
            var zone = claim.Zone;
            if (zone < 0)
            {
                // Nothing pins the claim: Karpenter's CreateFleet picks among the pool's zones; spread nodes evenly.
                zone = Array.IndexOf(perZone, perZone.Min());
            }

            perZone[zone]++;
            nodes.Add(new PackedNode(type, table.Types[type].Name, capacity, table.Price(type, capacity), table.Allocatable[type], claim.Used, [.. claim.Pods.Order()])
            {
                Pool = pool.Name,
                Zone = problem.Zones[zone],
            });
        }

        return (nodes, overLimit);
    }

    /// <summary>What a node counts against NodePool limits: its capacity (cpu, memory, GPUs), as nodepool status.resources sums it.</summary>
    public static Resources Capacity(InstanceTypeInfo type) => new(type.Vcpu * 1000L, type.MemoryMiB, 0, 0, type.GpuCount);

    public static bool WithinLimits(Resources total, PoolLimits limits) =>
        total.CpuMillicores <= limits.CpuMillicores && total.MemoryMiB <= limits.MemoryMiB && (limits.Gpus == 0 ? total.Gpus == 0 : total.Gpus <= limits.Gpus);

    internal static Resources MaxOf(NodeTypeTable table, IEnumerable<int> types)
    {
        var max = default(Resources);
        foreach (var t in types)
        {
            max = Resources.Max(max, table.Allocatable[t]);
        }

        return max;
    }
}
