using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// EKS with fixed managed node groups (<c>eks.nodeGroups</c>): every group's nodes run all the time at
/// <c>berth cost</c>'s prices (no root volume, as <c>berth cost</c> prices them), the HPA still scales pods, and a pod
/// with no room on any node stays pending — its demand unserved — until a pod elsewhere stops. An interrupted Spot node
/// is replaced by its group's Auto Scaling group (Capacity Rebalancing: the replacement launched at the warning and
/// ready after the node start latency). Managed node groups do not taint Spot nodes, so any pod may run on them; the
/// instance's arch must match the pod's.
/// </summary>
public sealed class EksNodeGroupsSimulation : EksNodeSimulation
{
    private readonly (NodeGroupPlan Group, double ListUsdPerHour)[] _groups;
    private readonly IReadOnlyList<ControllerPod> _controllers;
    private bool _notedPending;

    /// <summary>Runs the plan's node groups; the cluster's controllers take their requests on the first nodes with room.</summary>
    public EksNodeGroupsSimulation(BerthSpec spec, PriceBook prices, NodeGroupsPlan plan, SimulationOptions options, int run)
        : base(spec, prices, options, run)
    {
        _groups = plan.Groups.Select(g => (g, (double)g.Price.UsdPerHour)).ToArray();
        _controllers = plan.Controllers;
    }

    public override string Id => OptionIds.EksNodeGroups;

    private protected override void StartNodes()
    {
        for (var g = 0; g < _groups.Length; g++)
        {
            for (var i = 0; i < _groups[g].Group.Count; i++)
            {
                Launch(g, instant: true);
            }
        }

        // The controllers run before any service pod and never move while their node lives, so their requests are
        // simply taken; a controller whose node is interrupted waits for the replacement (PlaceControllers).
        foreach (var c in _controllers)
        {
            var request = new Resources(c.Cpu.Value, (long)Math.Ceiling(c.Memory.MiB), 1);
            for (var r = 0; r < c.Replicas; r++)
            {
                _displaced.Add(request);
            }
        }

        PlaceControllers();
    }

    private readonly List<Resources> _displaced = [];

    /// <summary>Places each controller pod without a node on the first x86 node with room (they come before service pods: system-cluster-critical).</summary>
    private void PlaceControllers()
    {
        for (var i = 0; i < _displaced.Count;)
        {
            var request = _displaced[i];
            var node = LiveNodes.FirstOrDefault(n => Nodes[n].Info.Arch == CpuArch.X64 && Nodes[n].Allocatable.Holds(Nodes[n].Used + request), -1);
            if (node < 0)
            {
                i++;
                continue;
            }

            Nodes[node].Used += request;
            Nodes[node].Reserved += request;
            RequestsChanged(request.CpuMillicores / 1000.0);
            _displaced.RemoveAt(i);
        }
    }

    private protected override void OnNodeDeleted(int nodeId)
    {
        // Only the total is tracked per node, so the node's controllers come back as one request of their sum.
        if (Nodes[nodeId].Reserved.CpuMillicores > 0)
        {
            _displaced.Add(Nodes[nodeId].Reserved);
        }
    }

    private protected override void PlaceInitialPods()
    {
        var waiting = Pending.ToArray();
        Pending.Clear();
        foreach (var p in waiting)
        {
            var request = Services[Pods[p].Service].Pod;
            var node = LiveNodes.FirstOrDefault(n => Compatible(Nodes[n], request) && Nodes[n].Allocatable.Holds(Nodes[n].Used + request.Requests), -1);
            if (node >= 0)
            {
                Bind(p, node, instant: true);
            }
            else
            {
                Pending.Add(p);
                OnPending();
            }
        }
    }

    private protected override void OnPending()
    {
        if (!_notedPending)
        {
            _notedPending = true;
            Note("the node groups filled up: pods waited pending (their demand unserved) — the groups do not grow with demand");
        }
    }

    private protected override bool Compatible(SimNode node, Pod request) => node.Info.Arch == request.Arch;

    private protected override void OnPodLeft(int nodeId) => RetryPending();

    private protected override void OnNodeReady(int nodeId)
    {
        PlaceControllers();
        RetryPending();
    }

    private protected override void OnInterrupted(int nodeId) => Launch(Nodes[nodeId].Source, instant: false);

    private void Launch(int group, bool instant)
    {
        var (g, list) = _groups[group];
        var billed = g.Capacity == CapacityType.Spot ? list : list * (1 - SavingsPlan);
        LaunchNode(g.Type, g.Capacity, g.Allocatable, list, billed, group, instant);
    }
}
