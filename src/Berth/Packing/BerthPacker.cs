using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>
/// Berth's own packer, which aims at the lower bound rather than at the first fit:
/// 1. the LP lower bound says which types (and capacity types) make the cheapest fleet and how many of each;
/// 2. nodes are opened one at a time: each efficient type is filled first-fit decreasing from the pods left, valued at
///    the LP's dual prices, and the node with the most value per dollar is kept;
/// 3. every node is right-sized to the cheapest type and capacity that holds its pods;
/// 4. local search empties the least-utilised nodes into the others' free space and merges pairs into one cheaper
///    node while that saves money.
/// The result is never worse than Karpenter mode on the same input: when it would be, Karpenter's plan is returned.
/// </summary>
public static class BerthPacker
{
    private const int MaxSearchRounds = 400;

    private sealed class Bin(int type, CapacityType capacity, CpuArch arch)
    {
        public int Type { get; set; } = type;

        public CapacityType Capacity { get; set; } = capacity;

        public CpuArch Arch { get; } = arch;

        public Resources Used { get; set; }

        public List<int> Pods { get; } = [];

        public bool SpotOk { get; set; } = true;

        /// <summary>The zone its spread pods pin it to, or −1 for any.</summary>
        public int Zone { get; set; } = -1;
    }

    /// <summary>One pool, no taints, zones or limits.</summary>
    public static PackingResult Pack(NodeTypeTable table, PodSet set, PackingResult? karpenter = null) =>
        Pack(PackingProblem.OnePool(table, set), set, karpenter);

    /// <summary>
    /// Packs under the same constraints as Karpenter mode: each pod on its workload's NodePool (the first its taints and
    /// selectors allow), its architecture, on-demand capacity where it needs it, and its workload's zone spread — the
    /// replicas of a spread workload are dealt over the zones in turn before packing, so every zone's count is within
    /// one of the others. NodePool limits hold or Karpenter mode's plan is returned.
    /// </summary>
    public static PackingResult Pack(PackingProblem problem, PodSet set, PackingResult? karpenter = null)
    {
        karpenter ??= KarpenterPacker.Pack(problem, set);
        var pods = set.Pods;
        var unschedulable = karpenter.Unschedulable.ToHashSet();
        var schedulable = Enumerable.Range(0, pods.Count).Where(i => !unschedulable.Contains(i) && problem.Workloads[pods[i].Service].Pools.Count > 0).ToArray();
        var zones = DealZones(problem, pods, schedulable);

        var nodes = new List<PackedNode>();
        var perZone = new int[problem.Zones.Count];
        foreach (var poolGroup in schedulable.GroupBy(i => problem.Workloads[pods[i].Service].Pools[0]).OrderBy(g => g.Key))
        {
            var pool = problem.Pools[poolGroup.Key];
            var table = pool.Table;
            var bound = LowerBound.Solve(table, pods, poolGroup);
            var bins = new List<Bin>();
            foreach (var group in poolGroup.GroupBy(i => (pods[i].Arch, Zone: zones[i])).OrderBy(g => g.Key.Arch).ThenBy(g => g.Key.Zone))
            {
                // Largest first by the dominant resource, each normalised by the group's mean, so a small-CPU,
                // large-memory pod counts as large and is paired early rather than left for the tail.
                var members = group.ToArray();
                var meanCpu = members.Average(i => (double)pods[i].CpuMillicores);
                var meanMem = members.Average(i => (double)pods[i].MemoryMiB);
                var ordered = members
                    .OrderByDescending(i => Math.Max(pods[i].CpuMillicores / meanCpu, pods[i].MemoryMiB / meanMem))
                    .ThenBy(i => i)
                    .ToArray();
                var made = Greedy(table, group.Key.Arch, pods, ordered, bound.Duals.GetValueOrDefault(group.Key.Arch));
                foreach (var bin in made)
                {
                    bin.Zone = group.Key.Zone;
                }

                bins.AddRange(made);
            }

            foreach (var bin in bins)
            {
                RightSize(table, bin);
            }

            Search(table, bins, pods, zones);
            var launched = default(Resources);
            foreach (var b in bins)
            {
                launched += KarpenterPacker.Capacity(table.Types[b.Type]);
                var zone = b.Zone >= 0 ? b.Zone : Array.IndexOf(perZone, perZone.Min());
                perZone[zone]++;
                nodes.Add(new PackedNode(b.Type, table.Types[b.Type].Name, b.Capacity, table.Price(b.Type, b.Capacity), table.Allocatable[b.Type], b.Used, [.. b.Pods.Order()])
                {
                    Pool = pool.Name,
                    Zone = problem.Zones[zone],
                });
            }

            if (pool.Limits is { } limits && !KarpenterPacker.WithinLimits(launched, limits))
            {
                return karpenter with { Mode = PackingMode.Berth };
            }
        }

        var sorted = nodes
            .OrderBy(n => n.Pool, StringComparer.Ordinal)
            .ThenBy(n => n.InstanceType, StringComparer.Ordinal)
            .ThenBy(n => n.Capacity)
            .ThenBy(n => n.Zone, StringComparer.Ordinal)
            .ThenBy(n => n.Pods.Count > 0 ? n.Pods[0] : -1)
            .ToArray();
        var result = new PackingResult(PackingMode.Berth, set, sorted, LowerBound.Solve(problem, pods, schedulable), karpenter.Unschedulable) { OverLimit = karpenter.OverLimit };
        return result.HourlyUsd <= karpenter.HourlyUsd ? result : karpenter with { Mode = PackingMode.Berth };
    }

    /// <summary>
    /// The zone of each pod of a spread workload (−1 for the others): its replicas dealt over the zones in turn, each
    /// workload starting where the last one stopped so the zones carry similar load.
    /// </summary>
    private static int[] DealZones(PackingProblem problem, IReadOnlyList<Pod> pods, IEnumerable<int> schedulable)
    {
        var zones = new int[pods.Count];
        Array.Fill(zones, -1);
        var next = 0;
        foreach (var workload in schedulable.GroupBy(i => pods[i].Service).OrderBy(g => g.Key))
        {
            if (problem.Workloads[workload.Key].ZoneMaxSkew <= 0)
            {
                continue;
            }

            foreach (var p in workload.Order())
            {
                zones[p] = next;
                next = (next + 1) % problem.Zones.Count;
            }
        }

        return zones;
    }

    /// <summary>
    /// Greedy column generation priced by the LP's duals: for every candidate (type, capacity) fill one node
    /// first-fit decreasing from the pods left, value it at the pods' dual prices, and open the node with the most
    /// value per dollar; repeat until every pod has a node. Candidates are the types the LP's prices call efficient.
    /// </summary>
    private static List<Bin> Greedy(NodeTypeTable table, CpuArch arch, IReadOnlyList<Pod> pods, int[] group, DualPrices? duals)
    {
        var candidates = new List<(int Type, CapacityType Capacity, double Efficiency)>();
        for (var t = 0; t < table.Count; t++)
        {
            if (table.Types[t].Arch != arch)
            {
                continue;
            }

            foreach (var capacity in new[] { CapacityType.OnDemand, CapacityType.Spot })
            {
                if (!table.Offers(t, capacity))
                {
                    continue;
                }

                var a = table.Allocatable[t];
                var worth = duals?.Worth(a, capacity == CapacityType.OnDemand) ?? 1;
                candidates.Add((t, capacity, worth / (double)table.Price(t, capacity)));
            }
        }

        // The efficient types (reduced cost near zero) and, for the tail, every type's cheapest fit.
        var best = candidates.Count == 0 ? 0 : candidates.Max(c => c.Efficiency);
        var shortlist = candidates.Where(c => c.Efficiency >= best * 0.85).OrderByDescending(c => c.Efficiency).ThenBy(c => c.Type).Take(8).ToArray();

        var bins = new List<Bin>();
        var left = new List<int>(group);
        var placed = new bool[pods.Count];
        var remaining = left.Count;
        var trial = new List<int>();
        while (remaining > 0)
        {
            Bin? chosen = null;
            List<int>? chosenPods = null;
            var chosenScore = double.MinValue;
            foreach (var (type, capacity, _) in shortlist)
            {
                var a = table.Allocatable[type];
                var used = default(Resources);
                double value = 0;
                trial.Clear();
                Fill(table, pods, left, placed, type, capacity, trial, ref used);
                foreach (var p in trial)
                {
                    value += duals?.Value(pods[p], capacity == CapacityType.OnDemand) ?? (pods[p].CpuMillicores + pods[p].MemoryMiB);
                }

                if (trial.Count == 0)
                {
                    continue;
                }

                var score = value / (double)table.Price(type, capacity);
                if (score > chosenScore)
                {
                    chosenScore = score;
                    chosen = new Bin(type, capacity, arch);
                    chosenPods = [.. trial];
                }
            }

            if (chosen is null || chosenPods is null)
            {
                // No efficient type holds the largest pod left: the cheapest type that does.
                var p = left.First(i => !placed[i]);
                if (Cheapest(table, arch, pods[p].Requests, pods[p].SpotOk) is not { } c)
                {
                    placed[p] = true;
                    remaining--;
                    continue;
                }

                chosen = new Bin(c.Type, c.Capacity, arch);
                chosenPods = [p];
            }

            foreach (var p in chosenPods)
            {
                Add(chosen, pods[p], p);
                placed[p] = true;
            }

            remaining -= chosenPods.Count;
            bins.Add(chosen);

            // Drop placed pods from the list now and then, so scans stay short without rebuilding it every node.
            if (left.Count > 2 * remaining + 64)
            {
                left.RemoveAll(i => placed[i]);
            }
        }

        return bins;
    }

    /// <summary>
    /// Fills one node of a type from the pods left (largest first), keeping CPU and memory in step: among the next
    /// few pods that fit, it takes the one that leaves the node's CPU and memory fill closest, so memory-heavy and
    /// CPU-heavy pods share nodes the way the LP's blend of types assumes.
    /// </summary>
    private static void Fill(NodeTypeTable table, IReadOnlyList<Pod> pods, List<int> left, bool[] placed, int type, CapacityType capacity, List<int> taken, ref Resources used)
    {
        const int Window = 48;

        // How far past the last pod taken a fill looks for small pods to close the gaps: bounds the work per node.
        const int Lookahead = 2048;
        var a = table.Allocatable[type];
        var window = new List<int>(Window);
        var next = 0;
        while (true)
        {
            // A pod that no longer fits never fits again in this node (it only fills up), so each pod is looked at once.
            var current = used;
            window.RemoveAll(p => !a.Holds(current + pods[p].Requests));
            var misses = 0;
            while (window.Count < Window && next < left.Count && misses < Lookahead)
            {
                var p = left[next++];
                if (placed[p])
                {
                    continue;
                }

                if ((capacity != CapacityType.Spot || pods[p].SpotOk) && a.Holds(current + pods[p].Requests))
                {
                    window.Add(p);
                }
                else
                {
                    misses++;
                }
            }

            if (window.Count == 0)
            {
                return;
            }

            var best = 0;
            var bestImbalance = double.MaxValue;
            for (var i = 0; i < window.Count; i++)
            {
                var need = current + pods[window[i]].Requests;
                var imbalance = Math.Abs((need.CpuMillicores / (double)a.CpuMillicores) - (need.MemoryMiB / (double)a.MemoryMiB));
                if (imbalance < bestImbalance)
                {
                    best = i;
                    bestImbalance = imbalance;
                }
            }

            used += pods[window[best]].Requests;
            taken.Add(window[best]);
            window.RemoveAt(best);
        }
    }

    private static bool Compatible(Bin bin, Pod pod, int zone) =>
        bin.Arch == pod.Arch && (pod.SpotOk || bin.Capacity == CapacityType.OnDemand) && (zone < 0 || bin.Zone < 0 || bin.Zone == zone);

    /// <summary>Puts the pod in the open node it fills best (least normalised free space left), if any holds it.</summary>
    private static bool TryBestFit(NodeTypeTable table, List<Bin> bins, IReadOnlyList<Pod> pods, int[] zones, int p, Bin? exclude)
    {
        var pod = pods[p];
        Bin? best = null;
        var bestScore = double.MaxValue;
        foreach (var bin in bins)
        {
            if (ReferenceEquals(bin, exclude) || !Compatible(bin, pod, zones[p]))
            {
                continue;
            }

            var a = table.Allocatable[bin.Type];
            var need = bin.Used + pod.Requests;
            if (!a.Holds(need))
            {
                continue;
            }

            var score = ((a.CpuMillicores - need.CpuMillicores) / (double)a.CpuMillicores) + ((a.MemoryMiB - need.MemoryMiB) / (double)a.MemoryMiB);
            if (score < bestScore)
            {
                best = bin;
                bestScore = score;
            }
        }

        if (best is null)
        {
            return false;
        }

        Add(best, pod, p);
        if (zones[p] >= 0)
        {
            best.Zone = zones[p];
        }

        return true;
    }

    private static void Add(Bin bin, Pod pod, int p)
    {
        bin.Used += pod.Requests;
        bin.Pods.Add(p);
        bin.SpotOk &= pod.SpotOk;
    }

    /// <summary>The cheapest (type, capacity) of an architecture that holds the resources.</summary>
    private static (int Type, CapacityType Capacity)? Cheapest(NodeTypeTable table, CpuArch arch, Resources need, bool spotOk)
    {
        (int, CapacityType)? best = null;
        var bestPrice = decimal.MaxValue;
        for (var t = 0; t < table.Count; t++)
        {
            if (table.Types[t].Arch != arch || !table.Allocatable[t].Holds(need))
            {
                continue;
            }

            if (table.OnDemandAllowed && table.OnDemandUsd[t] < bestPrice)
            {
                best = (t, CapacityType.OnDemand);
                bestPrice = table.OnDemandUsd[t];
            }

            if (spotOk && table.Offers(t, CapacityType.Spot) && table.SpotUsd[t]!.Value < bestPrice)
            {
                best = (t, CapacityType.Spot);
                bestPrice = table.SpotUsd[t]!.Value;
            }
        }

        return best;
    }

    private static void RightSize(NodeTypeTable table, Bin bin)
    {
        if (Cheapest(table, bin.Arch, bin.Used, bin.SpotOk) is { } c && table.Price(c.Type, c.Capacity) < table.Price(bin.Type, bin.Capacity))
        {
            bin.Type = c.Type;
            bin.Capacity = c.Capacity;
        }
    }

    private static double Utilisation(NodeTypeTable table, Bin bin)
    {
        var a = table.Allocatable[bin.Type];
        return Math.Max(bin.Used.CpuMillicores / (double)a.CpuMillicores, bin.Used.MemoryMiB / (double)a.MemoryMiB);
    }

    /// <summary>Empty the least-utilised nodes into the others, then merge pairs, while either saves money.</summary>
    private static void Search(NodeTypeTable table, List<Bin> bins, IReadOnlyList<Pod> pods, int[] zones)
    {
        for (var round = 0; round < MaxSearchRounds; round++)
        {
            if (!TryEmptyOne(table, bins, pods, zones) && !TryMergeTwo(table, bins))
            {
                return;
            }
        }
    }

    private static bool TryEmptyOne(NodeTypeTable table, List<Bin> bins, IReadOnlyList<Pod> pods, int[] zones)
    {
        foreach (var victim in bins.OrderBy(b => Utilisation(table, b)).ThenBy(b => b.Pods[0]).Take(4).ToArray())
        {
            var snapshot = bins.Where(b => !ReferenceEquals(b, victim)).Select(b => (Bin: b, b.Used, Count: b.Pods.Count, b.SpotOk, b.Zone)).ToArray();
            var movedAll = true;
            foreach (var p in victim.Pods.OrderByDescending(i => pods[i].CpuMillicores).ThenByDescending(i => pods[i].MemoryMiB))
            {
                if (!TryBestFit(table, bins, pods, zones, p, exclude: victim))
                {
                    movedAll = false;
                    break;
                }
            }

            if (movedAll)
            {
                bins.Remove(victim);
                return true;
            }

            foreach (var (bin, used, count, spotOk, zone) in snapshot)
            {
                bin.Used = used;
                bin.Pods.RemoveRange(count, bin.Pods.Count - count);
                bin.SpotOk = spotOk;
                bin.Zone = zone;
            }
        }

        return false;
    }

    private static bool TryMergeTwo(NodeTypeTable table, List<Bin> bins)
    {
        var candidates = bins.OrderBy(b => Utilisation(table, b)).ThenBy(b => b.Pods[0]).Take(6).ToArray();
        for (var i = 0; i < candidates.Length; i++)
        {
            for (var j = i + 1; j < candidates.Length; j++)
            {
                var (a, b) = (candidates[i], candidates[j]);
                if (a.Arch != b.Arch || (a.Zone >= 0 && b.Zone >= 0 && a.Zone != b.Zone))
                {
                    continue;
                }

                var spotOk = a.SpotOk && b.SpotOk;
                if (Cheapest(table, a.Arch, a.Used + b.Used, spotOk) is not { } c)
                {
                    continue;
                }

                if (table.Price(c.Type, c.Capacity) < table.Price(a.Type, a.Capacity) + table.Price(b.Type, b.Capacity))
                {
                    a.Type = c.Type;
                    a.Capacity = c.Capacity;
                    a.Used += b.Used;
                    a.Pods.AddRange(b.Pods);
                    a.SpotOk = spotOk;
                    a.Zone = Math.Max(a.Zone, b.Zone);
                    bins.Remove(b);
                    return true;
                }
            }
        }

        return false;
    }
}
