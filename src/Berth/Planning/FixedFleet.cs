using Berth.Catalog;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>A node of a fixed fleet (a managed node group): what it offers after DaemonSets, and what runs on it.</summary>
public sealed record FixedNode(int Group, CpuArch Arch, CapacityType Capacity, Resources Allocatable);

/// <summary>A pod to place on a fixed fleet: its requests, image architecture and whether it tolerates Spot.</summary>
public readonly record struct FleetPod(string Name, Resources Requests, CpuArch Arch, bool SpotOk);

/// <summary>
/// Whether pods fit on a fixed set of nodes, placed as the kube-scheduler would place a burst of pending pods at its
/// simplest: largest CPU first, each on the first node with room (first-fit decreasing). Used to check that managed
/// node groups hold the peak and to size the controllers' node group; not a packer (nodes are given, not chosen).
/// </summary>
public static class FixedFleet
{
    /// <summary>The pods that do not fit (empty when all do).</summary>
    public static IReadOnlyList<FleetPod> Unplaced(IReadOnlyList<FixedNode> nodes, IEnumerable<FleetPod> pods)
    {
        var used = new Resources[nodes.Count];
        var left = new List<FleetPod>();
        foreach (var pod in pods.OrderByDescending(p => p.Requests.CpuMillicores).ThenByDescending(p => p.Requests.MemoryMiB).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var placed = false;
            for (var n = 0; n < nodes.Count && !placed; n++)
            {
                var node = nodes[n];
                // Managed node groups do not taint their Spot nodes: any pod of the right arch may land there.
                if (node.Arch != pod.Arch || !node.Allocatable.Holds(used[n] + pod.Requests))
                {
                    continue;
                }

                used[n] += pod.Requests;
                placed = true;
            }

            if (!placed)
            {
                left.Add(pod);
            }
        }

        return left;
    }
}
