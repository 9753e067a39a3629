using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>
/// Packs pods the way Karpenter's provisioning scheduler does (karpenter pkg/controllers/provisioning/scheduling):
/// pods sorted by CPU then memory, largest first; each goes to the first in-flight node claim (fewest pods first)
/// that some remaining instance type can still hold with it, which narrows the claim's types to those; otherwise a
/// new claim with every type that fits the pod. At launch a claim is Spot when all its pods tolerate Spot, the pool
/// allows it and the cheapest Spot offering is below the cheapest on-demand one, and the type is the cheapest left.
/// Simplified: no zones or topology spread, no existing nodes, and the cheapest type rather than CreateFleet's
/// price-capacity-optimized choice among the 60 cheapest.
/// </summary>
public static class KarpenterPacker
{
    private sealed class Claim(CpuArch arch, List<int> options, bool spotOk)
    {
        public CpuArch Arch { get; } = arch;

        public List<int> Options { get; set; } = options;

        public bool SpotOk { get; set; } = spotOk;

        public Resources Used { get; set; }

        public List<int> Pods { get; } = [];

        public Resources Max { get; set; }
    }

    /// <param name="table">The NodePool's instance types.</param>
    /// <param name="set">The pods to pack.</param>
    /// <param name="withLowerBound">Solve the LP lower bound too; the simulator, packing pending pods thousands of times, skips it (0).</param>
    public static PackingResult Pack(NodeTypeTable table, PodSet set, bool withLowerBound = true)
    {
        var pods = set.Pods;
        var order = Enumerable.Range(0, pods.Count)
            .OrderByDescending(i => pods[i].CpuMillicores)
            .ThenByDescending(i => pods[i].MemoryMiB)
            .ThenBy(i => i)
            .ToArray();
        var claims = new List<Claim>();
        var unschedulable = new List<int>();
        foreach (var p in order)
        {
            var pod = pods[p];
            var placed = false;
            for (var c = 0; c < claims.Count && !placed; c++)
            {
                var claim = claims[c];
                if (claim.Arch != pod.Arch)
                {
                    continue;
                }

                var need = claim.Used + pod.Requests;
                if (!claim.Max.Holds(need) || (!pod.SpotOk && !table.OnDemandAllowed))
                {
                    continue;
                }

                var holding = 0;
                foreach (var t in claim.Options)
                {
                    if (table.Allocatable[t].Holds(need))
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
                    claim.Options = claim.Options.Where(t => table.Allocatable[t].Holds(need)).ToList();
                    claim.Max = MaxOf(table, claim.Options);
                }

                claim.Used = need;
                claim.SpotOk &= pod.SpotOk;
                claim.Pods.Add(p);
                placed = true;

                // Keep claims ordered by pod count, fewest first, as Karpenter sorts them before each pod.
                for (var k = c; k + 1 < claims.Count && claims[k + 1].Pods.Count < claims[k].Pods.Count; k++)
                {
                    (claims[k], claims[k + 1]) = (claims[k + 1], claims[k]);
                }
            }

            if (placed)
            {
                continue;
            }

            var fits = Enumerable.Range(0, table.Count)
                .Where(t => table.Types[t].Arch == pod.Arch && table.Allocatable[t].Holds(pod.Requests)
                            && (table.OnDemandAllowed || (pod.SpotOk && table.Offers(t, CapacityType.Spot))))
                .ToList();
            if (fits.Count == 0)
            {
                unschedulable.Add(p);
                continue;
            }

            var fresh = new Claim(pod.Arch, fits, pod.SpotOk) { Used = pod.Requests, Max = MaxOf(table, fits) };
            fresh.Pods.Add(p);
            var at = 0;
            while (at < claims.Count && claims[at].Pods.Count <= 1)
            {
                at++;
            }

            claims.Insert(at, fresh);
        }

        var nodes = claims.Select(c => Launch(table, c)).OrderBy(n => n.InstanceType, StringComparer.Ordinal).ThenBy(n => n.Capacity).ThenBy(n => n.Pods[0]).ToArray();
        var bound = withLowerBound ? LowerBound.Solve(table, pods, Enumerable.Range(0, pods.Count).Except(unschedulable)).HourlyUsd : 0;
        return new PackingResult(PackingMode.Karpenter, set, nodes, bound, unschedulable);
    }

    private static PackedNode Launch(NodeTypeTable table, Claim claim)
    {
        var spotOptions = claim.Options.Where(t => table.Offers(t, CapacityType.Spot)).ToArray();
        var cheapestOnDemand = table.OnDemandAllowed ? claim.Options.Min(t => table.OnDemandUsd[t]) : decimal.MaxValue;
        var useSpot = claim.SpotOk && spotOptions.Length > 0 && spotOptions.Min(t => table.SpotUsd[t]!.Value) < cheapestOnDemand;
        var capacity = useSpot ? CapacityType.Spot : CapacityType.OnDemand;
        var type = (useSpot ? spotOptions : [.. claim.Options])
            .OrderBy(t => table.Price(t, capacity))
            .ThenBy(t => table.Types[t].Name, StringComparer.Ordinal)
            .First();
        return new PackedNode(type, table.Types[type].Name, capacity, table.Price(type, capacity), table.Allocatable[type], claim.Used, [.. claim.Pods.Order()]);
    }

    internal static Resources MaxOf(NodeTypeTable table, IEnumerable<int> types)
    {
        long cpu = 0, mem = 0;
        var podCount = 0;
        foreach (var t in types)
        {
            var a = table.Allocatable[t];
            cpu = Math.Max(cpu, a.CpuMillicores);
            mem = Math.Max(mem, a.MemoryMiB);
            podCount = Math.Max(podCount, a.Pods);
        }

        return new Resources(cpu, mem, podCount);
    }
}
