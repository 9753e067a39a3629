using Berth.Catalog;
using Berth.Costing;
using Berth.Costing.Options;
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
    private readonly (NodeGroupSpec Group, InstanceTypeInfo Info, Resources Allocatable, double ListUsdPerHour)[] _groups;
    private bool _notedPending;

    public EksNodeGroupsSimulation(BerthSpec spec, PriceBook prices, SimulationOptions options, int run)
        : base(spec, prices, options, run)
    {
        var overhead = new Resources(spec.Eks.DaemonSetOverhead.Cpu.Value, (long)Math.Ceiling(spec.Eks.DaemonSetOverhead.Memory.MiB), NodeTypeTable.DaemonSetPods);
        _groups = spec.Eks.NodeGroups.Select(g =>
        {
            var info = prices.Catalog.Instance(g.InstanceType)
                ?? throw new CostingException($"eks.nodeGroups ({g.Name}): unknown instance type '{g.InstanceType}'");
            var quote = prices.Ec2(g.InstanceType, g.CapacityType)
                ?? throw new CostingException($"eks.nodeGroups ({g.Name}): no {SpecEnums.CapacityType.NameOf(g.CapacityType)} price for {g.InstanceType} in {prices.Region}; add one under pricing.overrides.ec2");
            return (g, info, Allocatable.For(info) - overhead, (double)quote.UsdPerHour);
        }).ToArray();
    }

    public override string Id => EksNodeGroupsOption.OptionId;

    private protected override void StartNodes()
    {
        for (var g = 0; g < _groups.Length; g++)
        {
            for (var i = 0; i < _groups[g].Group.Count; i++)
            {
                Launch(g, instant: true);
            }
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

    private protected override void OnNodeReady(int nodeId) => RetryPending();

    private protected override void OnInterrupted(int nodeId) => Launch(Nodes[nodeId].Source, instant: false);

    private void Launch(int group, bool instant)
    {
        var (g, info, allocatable, list) = _groups[group];
        var billed = g.CapacityType == CapacityType.Spot ? list : list * (1 - SavingsPlan);
        LaunchNode(info, g.CapacityType, allocatable, list, billed, group, instant);
    }
}
