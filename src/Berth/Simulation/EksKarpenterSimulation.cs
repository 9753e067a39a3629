using System.Runtime.InteropServices;
using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// EKS with Karpenter: pending pods batched for a second and packed by <see cref="KarpenterPacker"/> onto new nodes that
/// serve after the node start latency, and consolidation as Karpenter's disruption controller does it
/// (karpenter.sh/docs/concepts/disruption): every 10 s, among nodes whose pods have not changed for
/// <c>consolidateAfter</c>, within the NodePool's default budget of 10% of the nodes (rounded up) being disrupted at
/// once — empty nodes are deleted; with <c>WhenEmptyOrUnderutilized</c>, a node whose pods fit on the other nodes is
/// drained and deleted (its pods evicted and recreated elsewhere, serving after the pod start latency), and an
/// on-demand node whose pods fit one cheaper node is replaced (the replacement launched first, the pods moved when it is
/// ready). Spot nodes are deleted but never replaced, as with Karpenter's SpotToSpotConsolidation feature gate off.
/// Simplified: several nodes may be disrupted in one pass (Karpenter's single-node consolidation takes one), and
/// multi-node consolidation (several nodes into one replacement) is not tried.
/// </summary>
public sealed class EksKarpenterSimulation : EksNodeSimulation
{
    private const long ProvisionBatchSeconds = 1;

    /// <summary>Karpenter's disruption controller polls every 10 s.</summary>
    private const long DisruptionPollSeconds = 10;

    /// <summary>The NodePool's default disruption budget, <c>nodes: 10%</c> (a percentage is rounded up).</summary>
    private const double DisruptionBudget = 0.10;

    private readonly KarpenterPlan _plan;
    private readonly PackingProblem _problem;
    private readonly double _rootVolumeUsdPerHour;
    private readonly long? _consolidateAfter;
    private readonly bool _underutilized;
    private readonly Dictionary<int, int> _replacementOf = [];
    private readonly Dictionary<int, int> _replacing = [];
    private readonly Dictionary<int, (int Stamp, (int Type, CapacityType Capacity)? Replacement)> _replacementCache = [];
    private readonly List<(int Node, Resources Used)> _others = [];
    private readonly double _systemUsdPerHour;
    private bool _provisionScheduled;
    private bool _notedUnschedulable;
    private bool _changed;
    private long _lastPass;

    /// <summary>Runs the plan's NodePools and workloads; the controllers' node group is billed all the time, as berth cost prices it.</summary>
    public EksKarpenterSimulation(BerthSpec spec, PriceBook prices, KarpenterPlan plan, SimulationOptions options, int run)
        : base(spec, prices, options, run, plan.Workloads.Select((w, i) => PodSet.Of(i, w, PackingProblem.SpotOk(plan, w))).ToArray())
    {
        _plan = plan;
        _problem = PackingProblem.From(plan);
        var gp3 = (double)prices.Catalog.Storage(prices.Region, "gp3").UsdPerHour;
        _rootVolumeUsdPerHour = plan.NodeClass.RootVolumeGiB * gp3 / (double)spec.Pricing.HoursPerMonth;
        _systemUsdPerHour = plan.System.Count * (((double)plan.System.Price.UsdPerHour * (1 - SavingsPlan)) + (SystemNodeGroupPlan.DiskGiB * gp3 / (double)spec.Pricing.HoursPerMonth));
        // consolidateAfter: Never (null) turns consolidation off.
        _consolidateAfter = spec.Eks.Karpenter.ConsolidateAfter is { } after ? (long)Math.Ceiling(after.TotalSeconds) : null;
        _underutilized = spec.Eks.Karpenter.Consolidation == ConsolidationPolicy.WhenEmptyOrUnderutilized;
    }

    public override string Id => OptionIds.EksKarpenter;

    private protected override void PlaceInitialPods()
    {
        if (_systemUsdPerHour > 0)
        {
            StartBilling(_systemUsdPerHour);
        }

        Provision(instant: true);
        if (_consolidateAfter is not null)
        {
            Queue.Schedule(DisruptionPollSeconds, new SimEvent(EventKind.ConsolidationCheck, 0));
        }
    }

    private protected override void OnPending()
    {
        if (!_provisionScheduled)
        {
            _provisionScheduled = true;
            Queue.Schedule(Now + ProvisionBatchSeconds, new SimEvent(EventKind.Provision, 0));
        }
    }

    private protected override void OnPodLeft(int nodeId) => _changed = true;

    private protected override bool Accepts(int nodeId) => !_replacementOf.ContainsKey(nodeId);

    /// <summary>Also the NodePool: the pod tolerates its taints and its selector matches its labels.</summary>
    private protected override bool Compatible(SimNode node, Pod request) =>
        base.Compatible(node, request) && _problem.Workloads[request.Service].Pools.Contains(node.Pool);

    private protected override void HandleOther(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Provision:
                _provisionScheduled = false;
                Provision(instant: false);
                break;
            case EventKind.ConsolidationCheck:
                Consolidate();
                Queue.Schedule(Now + DisruptionPollSeconds, e);
                break;
            default:
                break;
        }
    }

    private protected override void OnNodeReady(int nodeId)
    {
        _changed = true;
        if (_replacementOf.Remove(nodeId, out var old))
        {
            _replacing.Remove(old);
            MovePods(old, nodeId);
        }
    }

    private protected override void OnInterrupted(int nodeId)
    {
        // A Spot replacement interrupted before it was ready: the replaced node stays, uncordoned.
        if (_replacementOf.Remove(nodeId, out var old))
        {
            _replacing.Remove(old);
            Nodes[old].State = NodeState.Ready;
        }
    }

    private void Provision(bool instant)
    {
        var pending = new List<int>();
        foreach (var p in Pending)
        {
            // Room may have freed since the pod went pending: kube-scheduler binds it before Karpenter launches anything.
            if (Pods[p].State == PodState.Pending && (instant || !TryPlace(p)))
            {
                pending.Add(p);
            }
        }

        Pending.Clear();
        if (pending.Count == 0)
        {
            return;
        }

        var set = new PodSet(ServiceNames, pending.Select(p => Services[Pods[p].Service].Pod).ToArray());
        var packed = KarpenterPacker.Pack(_problem, set, withLowerBound: false);
        foreach (var n in packed.Nodes)
        {
            var node = Launch(PoolIndex(n.Pool), n.Type, n.Capacity, instant, Math.Max(0, IndexOf(_problem.Zones, n.Zone)));
            foreach (var p in n.Pods)
            {
                Bind(pending[p], node, instant);
            }
        }

        foreach (var u in packed.Unschedulable)
        {
            Pending.Add(pending[u]);
        }

        if (packed.Unschedulable.Count > 0 && !_notedUnschedulable)
        {
            _notedUnschedulable = true;
            Note("some pods fit no instance type the NodePool allows and stay pending: " + string.Join(", ", packed.Unschedulable.Select(u => ServiceNames[set.Pods[u].Service]).Distinct()));
        }
    }

    private int PoolIndex(string name)
    {
        for (var i = 0; i < _problem.Pools.Count; i++)
        {
            if (_problem.Pools[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no NodePool {name} in the plan");
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private int Launch(int pool, int type, CapacityType capacity, bool instant, int zone)
    {
        var table = _problem.Pools[pool].Table;
        var list = (double)table.Price(type, capacity);
        var billed = (capacity == CapacityType.Spot ? list : list * (1 - SavingsPlan)) + _rootVolumeUsdPerHour;
        _changed = true;
        return LaunchNode(table.Types[type], capacity, table.Allocatable[type], list, billed, type, instant, pool, zone);
    }

    /// <summary>One pass of the disruption controller (emptiness, then under-utilisation), within the budget.</summary>
    private void Consolidate()
    {
        var after = _consolidateAfter ?? long.MaxValue;
        var newlyEligible = false;
        foreach (var n in LiveNodes)
        {
            var at = Nodes[n].LastChange + after;
            newlyEligible |= at > _lastPass && at <= Now;
        }

        // Nothing left a node and no node crossed consolidateAfter since the last pass: the answer would be the same.
        if (!_changed && !newlyEligible)
        {
            _lastPass = Now;
            return;
        }

        // Without pods leaving or nodes launching, room only shrank: only the newly eligible nodes can have changed answer.
        var onlySince = _changed ? long.MinValue : _lastPass;
        _changed = false;
        _lastPass = Now;
        var allowed = (int)Math.Ceiling(DisruptionBudget * LiveNodes.Count) - _replacing.Count;
        if (allowed <= 0)
        {
            return;
        }

        var candidates = LiveNodes.Where(n => Eligible(n, after) && Nodes[n].LastChange + after > onlySince).ToList();
        foreach (var n in candidates.Where(n => Nodes[n].Pods.Count == 0).ToArray())
        {
            if (allowed == 0)
            {
                return;
            }

            DeleteNode(n);
            NodesConsolidated++;
            allowed--;
        }

        if (!_underutilized)
        {
            return;
        }

        // Cheapest to disrupt first: fewest pods, then the dearest node (the biggest saving), then launch order.
        var order = candidates.Where(n => Nodes[n].State == NodeState.Ready && Nodes[n].Pods.Count > 0)
            .OrderBy(n => Nodes[n].Pods.Count).ThenByDescending(n => Nodes[n].ListUsdPerHour).ThenBy(n => n).ToArray();
        foreach (var n in order)
        {
            if (allowed == 0)
            {
                return;
            }

            if (!Eligible(n, after))
            {
                continue;
            }

            if (FitsElsewhere(n))
            {
                Drain(n);
                NodesConsolidated++;
                allowed--;
            }
            else if (Replacement(n) is { } r)
            {
                var id = Launch(Nodes[n].Pool, r.Type, r.Capacity, instant: false, Nodes[n].Zone);
                Nodes[n].State = NodeState.Cordoned;
                _replacementOf[id] = n;
                _replacing[n] = id;
                NodesReplaced++;
                allowed--;
            }
        }
    }

    private bool Eligible(int n, long after)
    {
        var node = Nodes[n];
        return node.State == NodeState.Ready && !_replacementOf.ContainsKey(n) && !_replacing.ContainsKey(n) && Now - node.LastChange >= after;
    }

    /// <summary>The node's pods, largest first (the order they are moved in).</summary>
    private int[] PodsBySize(int n)
    {
        var pods = Nodes[n].Pods.ToArray();
        Array.Sort(pods, (a, b) =>
        {
            var x = Services[Pods[a].Service].Pod;
            var y = Services[Pods[b].Service].Pod;
            var c = y.CpuMillicores.CompareTo(x.CpuMillicores);
            c = c != 0 ? c : y.MemoryMiB.CompareTo(x.MemoryMiB);
            return c != 0 ? c : a.CompareTo(b);
        });
        return pods;
    }

    /// <summary>Whether every pod of the node would bind elsewhere, placed exactly as <see cref="EksNodeSimulation.TryPlace"/> will place them.</summary>
    private bool FitsElsewhere(int n)
    {
        var node = Nodes[n];
        long freeCpu = 0, freeMemory = 0;
        _others.Clear();
        foreach (var m in LiveNodes)
        {
            var other = Nodes[m];
            if (m != n && other.State is NodeState.Launching or NodeState.Ready && Accepts(m) && other.Info.Arch == node.Info.Arch && other.Pool == node.Pool)
            {
                freeCpu += other.Allocatable.CpuMillicores - other.Used.CpuMillicores;
                freeMemory += other.Allocatable.MemoryMiB - other.Used.MemoryMiB;
                _others.Add((m, other.Used));
            }
        }

        // Not enough room in total: no placement can work (the common case on a well-packed cluster).
        if (freeCpu < node.Used.CpuMillicores || freeMemory < node.Used.MemoryMiB)
        {
            return false;
        }

        var others = CollectionsMarshal.AsSpan(_others);
        foreach (var p in PodsBySize(n))
        {
            var request = Services[Pods[p].Service].Pod;
            var placed = false;
            for (var k = 0; k < others.Length && !placed; k++)
            {
                var other = Nodes[others[k].Node];
                var need = others[k].Used + request.Requests;

                // Consolidation simulates scheduling with the pods' own constraints: a zone-spread pod stays in its zone.
                if (Compatible(other, request) && other.Allocatable.Holds(need) && (_problem.Workloads[request.Service].ZoneMaxSkew == 0 || other.Zone == node.Zone))
                {
                    others[k].Used = need;
                    placed = true;
                }
            }

            if (!placed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The cheapest single node that holds all of an on-demand node's pods, if it is cheaper: Karpenter's launch choice
    /// for one claim (every type that holds the sum of the requests; Spot when all pods tolerate it and it is cheaper).
    /// Cached per pod set.
    /// </summary>
    private (int Type, CapacityType Capacity)? Replacement(int n)
    {
        var node = Nodes[n];
        if (node.Capacity == CapacityType.Spot)
        {
            return null;
        }

        if (_replacementCache.TryGetValue(n, out var cached) && cached.Stamp == node.Stamp)
        {
            return cached.Replacement;
        }

        var table = _problem.Pools[node.Pool].Table;
        var spotOk = table.SpotAllowed && node.Pods.TrueForAll(p => Services[Pods[p].Service].Pod.SpotOk);
        (int Type, CapacityType Capacity)? best = null;
        var bestUsd = double.MaxValue;
        var bestOnDemand = double.MaxValue;
        var bestSpot = double.MaxValue;
        int onDemandType = -1, spotType = -1;
        for (var t = 0; t < table.Count; t++)
        {
            if (table.Types[t].Arch != node.Info.Arch || !table.Allocatable[t].Holds(node.Used))
            {
                continue;
            }

            if (table.OnDemandAllowed && (double)table.OnDemandUsd[t] < bestOnDemand)
            {
                bestOnDemand = (double)table.OnDemandUsd[t];
                onDemandType = t;
            }

            if (spotOk && table.SpotUsd[t] is { } spot && (double)spot < bestSpot)
            {
                bestSpot = (double)spot;
                spotType = t;
            }
        }

        if (spotType >= 0 && bestSpot < bestOnDemand)
        {
            (best, bestUsd) = ((spotType, CapacityType.Spot), bestSpot);
        }
        else if (onDemandType >= 0)
        {
            (best, bestUsd) = ((onDemandType, CapacityType.OnDemand), bestOnDemand);
        }

        var r = best is not null && bestUsd < node.ListUsdPerHour - 1e-9 ? best : null;
        _replacementCache[n] = (node.Stamp, r);
        return r;
    }

    /// <summary>Cordons the node, evicts its pods (recreated on the other nodes), and deletes it.</summary>
    private void Drain(int n)
    {
        Nodes[n].State = NodeState.Cordoned;
        foreach (var p in PodsBySize(n))
        {
            var service = Pods[p].Service;
            Evict(p);
            Reconcile(service);
        }

        DeleteNode(n);
    }

    /// <summary>The replacement is ready: the old node's pods are evicted and recreated on it, and the old node deleted.</summary>
    private void MovePods(int old, int replacement)
    {
        foreach (var p in PodsBySize(old))
        {
            var service = Pods[p].Service;
            Evict(p);
            var fresh = NewPod(service);
            var target = Nodes[replacement];
            if (target.State == NodeState.Ready && target.Allocatable.Holds(target.Used + Services[service].Pod.Requests))
            {
                Bind(fresh, replacement, instant: false);
            }
            else if (!TryPlace(fresh))
            {
                Pending.Add(fresh);
                OnPending();
            }
        }

        DeleteNode(old);
    }
}
