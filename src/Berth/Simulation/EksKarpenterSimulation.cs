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
    private readonly List<(int Node, int Replacement)> _draining = [];
    private readonly Dictionary<int, (int Stamp, (int Type, CapacityType Capacity)? Replacement)> _replacementCache = [];
    private readonly double _systemUsdPerHour;
    private readonly List<Room> _room = [];
    private readonly List<Room> _scratch = [];
    private readonly List<int> _candidates = [];
    /// <summary>Each NodePool's on-demand and Spot prices per instance type as doubles (NaN: no Spot price), converted once.</summary>
    private readonly (double[] OnDemand, double[] Spot)[] _poolPrices;
    private readonly Dictionary<string, PackingResult> _packings = new(StringComparer.Ordinal);
    private readonly Comparison<int> _byService;
    private readonly Comparison<int> _disruptionOrder;
    private readonly Predicate<int> _nothingToMove;
    private bool _othersStale = true;
    private readonly Dictionary<int, (int Stamp, long Sequence)> _didNotFit = [];
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
        _poolPrices = _problem.Pools
            .Select(p => (p.Table.OnDemandUsd.Select(u => (double)u).ToArray(), p.Table.SpotUsd.Select(u => u is { } spot ? (double)spot : double.NaN).ToArray()))
            .ToArray();
        var gp3 = (double)prices.Catalog.Storage(prices.Region, "gp3").UsdPerHour;
        _rootVolumeUsdPerHour = plan.NodeClass.RootVolumeGiB * gp3 / (double)spec.Pricing.HoursPerMonth;
        _systemUsdPerHour = plan.System.Count * (((double)plan.System.Price.UsdPerHour * (1 - SavingsPlan)) + (SystemNodeGroupPlan.DiskGiB * gp3 / (double)spec.Pricing.HoursPerMonth));
        // consolidateAfter: Never (null) turns consolidation off.
        _consolidateAfter = spec.Eks.Karpenter.ConsolidateAfter is { } after ? (long)Math.Ceiling(after.TotalSeconds) : null;
        _underutilized = spec.Eks.Karpenter.Consolidation == ConsolidationPolicy.WhenEmptyOrUnderutilized;
        _disruptionOrder = (a, b) =>
        {
            var c = Nodes[a].Pods.Count.CompareTo(Nodes[b].Pods.Count);
            c = c != 0 ? c : Nodes[b].ListUsdPerHour.CompareTo(Nodes[a].ListUsdPerHour);
            return c != 0 ? c : a.CompareTo(b);
        };
        _nothingToMove = n => Nodes[n].State != NodeState.Ready || Nodes[n].Pods.Count == 0;
        _byService = (a, b) =>
        {
            var c = Pods[a].Service.CompareTo(Pods[b].Service);
            return c != 0 ? c : a.CompareTo(b);
        };
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
            // No longer held back: pods may bind to the replacement now.
            GainedRoom(Nodes[nodeId]);
            _replacing.Remove(old);
            _draining.Add((old, nodeId));
            ContinueDrains();
        }
    }

    private protected override void OnPodReady(int service)
    {
        if (_draining.Count > 0)
        {
            ContinueDrains();
        }
    }

    private protected override void OnInterrupted(int nodeId)
    {
        // A Spot replacement interrupted before it was ready: the replaced node stays, uncordoned.
        if (_replacementOf.Remove(nodeId, out var old))
        {
            _replacing.Remove(old);
            Nodes[old].State = NodeState.Ready;
            GainedRoom(Nodes[old]);
        }

        // A node interrupted while it drained: the interruption takes over. A replacement it was draining onto stays a node.
        _draining.RemoveAll(d => d.Node == nodeId);
        if (_replacing.Remove(nodeId, out var replacement))
        {
            _replacementOf.Remove(replacement);
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

        // Karpenter's queue orders pods by CPU and memory (queue.go, an unstable sort); Berth groups equal pods by service
        // too, so the same pending pods pack the same way and the packing is looked up rather than redone.
        pending.Sort(_byService);
        var key = new System.Text.StringBuilder();
        foreach (var p in pending)
        {
            key.Append(Pods[p].Service).Append(',');
        }

        if (!_packings.TryGetValue(key.ToString(), out var packed))
        {
            var set = new PodSet(ServiceNames, pending.Select(p => Services[Pods[p].Service].Pod).ToArray());
            packed = KarpenterPacker.Pack(_problem, set, withLowerBound: false);
            _packings[key.ToString()] = packed;
        }

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
            Note("some pods fit no instance type the NodePool allows and stay pending: " + string.Join(", ", packed.Unschedulable.Select(u => ServiceNames[packed.PodSet.Pods[u].Service]).Distinct()));
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
        // Drains still waiting on PodDisruptionBudgets count against the budget, as nodes being disrupted.
        ContinueDrains();
        var allowed = (int)Math.Ceiling(DisruptionBudget * LiveNodes.Count) - _replacing.Count - _draining.Count;
        if (allowed <= 0)
        {
            return;
        }

        _candidates.Clear();
        foreach (var n in LiveNodes)
        {
            if (Eligible(n, after) && Nodes[n].LastChange + after > onlySince)
            {
                _candidates.Add(n);
            }
        }

        // Empty candidates first (deleting shrinks LiveNodes, so iterate the snapshot).
        for (var k = 0; k < _candidates.Count; k++)
        {
            var n = _candidates[k];
            if (Nodes[n].Pods.Count > 0)
            {
                continue;
            }

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

        _othersStale = true;
        // Cheapest to disrupt first: fewest pods, then the dearest node (the biggest saving), then launch order.
        _candidates.RemoveAll(_nothingToMove);
        _candidates.Sort(_disruptionOrder);
        foreach (var n in _candidates)
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
                _othersStale = true;
                NodesConsolidated++;
                allowed--;
            }
            else if (Replacement(n) is { } r)
            {
                _othersStale = true;
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

    /// <summary>
    /// The nodes pods could move to in this pass (launching or ready, not held back), in launch order, with their free
    /// room: gathered once a pass and again after a drain or replacement changed them.
    /// </summary>
    private void GatherOthers()
    {
        _room.Clear();
        foreach (var m in LiveNodes)
        {
            var other = Nodes[m];
            if (other.State is NodeState.Launching or NodeState.Ready && Accepts(m))
            {
                _room.Add(new Room(m, other.Info.Arch, other.Capacity == CapacityType.Spot, other.Pool, other.Allocatable - other.Used));
            }
        }

        _othersStale = false;
    }

    /// <summary>Whether every pod of the node would bind elsewhere, placed exactly as <see cref="EksNodeSimulation.TryPlace"/> will place them.</summary>
    private bool FitsElsewhere(int n)
    {
        if (_othersStale)
        {
            GatherOthers();
        }

        var node = Nodes[n];
        if (_didNotFit.TryGetValue(n, out var memo) && memo.Stamp == node.Stamp && !GainedUsefulRoom(n, memo.Sequence))
        {
            return false;
        }

        var fits = Place(n);
        if (!fits)
        {
            _didNotFit[n] = (node.Stamp, RoomSequence);
        }

        return fits;
    }

    /// <summary>
    /// Whether, since <paramref name="since"/>, another node pods of <paramref name="n"/> could move to gained room that
    /// holds at least its smallest pod. If none did, a first fit that failed then fails now: the nodes that gained too
    /// little room still take none of its pods, and the others only lost room.
    /// </summary>
    private bool GainedUsefulRoom(int n, long since)
    {
        if (RoomSequence <= since)
        {
            // No node at all gained room since.
            return false;
        }

        var node = Nodes[n];
        long minCpu = long.MaxValue, minMemory = long.MaxValue;
        foreach (var p in node.Pods)
        {
            var pod = Services[Pods[p].Service].Pod;
            minCpu = Math.Min(minCpu, pod.CpuMillicores);
            minMemory = Math.Min(minMemory, pod.MemoryMiB);
        }

        var arch = node.Info.Arch;
        foreach (ref readonly var r in CollectionsMarshal.AsSpan(_room))
        {
            if (r.Node != n && r.Arch == arch && r.Pool == node.Pool && Nodes[r.Node].RoomGained > since
                && r.Free.CpuMillicores >= minCpu && r.Free.MemoryMiB >= minMemory && r.Free.Pods >= 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>First fit of the node's pods, largest first (as bound), onto the other nodes of its arch in launch order.</summary>
    private bool Place(int n)
    {
        var node = Nodes[n];
        var arch = node.Info.Arch;
        long freeCpu = 0, freeMemory = 0, roomiestCpu = 0;
        _scratch.Clear();
        foreach (ref readonly var r in CollectionsMarshal.AsSpan(_room))
        {
            if (r.Node != n && r.Arch == arch && r.Pool == node.Pool)
            {
                freeCpu += r.Free.CpuMillicores;
                freeMemory += r.Free.MemoryMiB;
                roomiestCpu = Math.Max(roomiestCpu, r.Free.CpuMillicores);
                _scratch.Add(r);
            }
        }

        // Not enough room in total, or no node with room for the largest pod: no placement can work (the common case).
        var pods = node.Pods;
        if (freeCpu < node.Used.CpuMillicores || freeMemory < node.Used.MemoryMiB
            || (pods.Count > 0 && Services[Pods[pods[0]].Service].Pod.CpuMillicores > roomiestCpu))
        {
            return false;
        }

        var others = CollectionsMarshal.AsSpan(_scratch);
        foreach (var p in pods)
        {
            var request = Services[Pods[p].Service].Pod;
            var placed = false;
            for (var k = 0; k < others.Length; k++)
            {
                ref var r = ref others[k];

                // Compatible() (arch, taints, selectors, Spot), and consolidation simulates scheduling with the pods'
                // own constraints: a zone-spread pod stays in its zone.
                if (r.Free.Holds(request.Requests) && Compatible(Nodes[r.Node], request)
                    && (_problem.Workloads[request.Service].ZoneMaxSkew == 0 || Nodes[r.Node].Zone == node.Zone))
                {
                    r.Free -= request.Requests;
                    placed = true;
                    break;
                }
            }

            if (!placed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A node pods could move to, and its free room (allocatable − requested).</summary>
    private struct Room(int node, CpuArch arch, bool spot, int pool, Resources free)
    {
        public readonly int Node = node;
        public readonly CpuArch Arch = arch;
        public readonly bool Spot = spot;
        public readonly int Pool = pool;
        public Resources Free = free;
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
        var (onDemandUsd, spotUsd) = _poolPrices[node.Pool];
        var spotOk = table.SpotAllowed;
        foreach (var p in node.Pods)
        {
            spotOk &= Services[Pods[p].Service].Pod.SpotOk;
        }

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

            if (table.OnDemandAllowed && onDemandUsd[t] < bestOnDemand)
            {
                bestOnDemand = onDemandUsd[t];
                onDemandType = t;
            }

            // NaN (no Spot price) is never below.
            if (spotOk && spotUsd[t] < bestSpot)
            {
                bestSpot = spotUsd[t];
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

    /// <summary>Cordons the node and starts draining it onto the other nodes.</summary>
    private void Drain(int n)
    {
        Nodes[n].State = NodeState.Cordoned;
        _draining.Add((n, -1));
        ContinueDrains();
    }

    /// <summary>
    /// Evicts what the PodDisruptionBudgets allow from every draining node, and deletes the nodes left empty. The generated
    /// budget is <c>maxUnavailable: 1</c> (Generation/Eks/K8sManifests.cs <c>Pdb</c>): the eviction API lets a pod go only
    /// while every pod its Deployment wants is ready, so a service loses one pod at a time, the next after its
    /// replacement is ready — Karpenter's termination controller evicts through that API (karpenter.sh/docs/concepts/
    /// disruption, termination controller). Pods leaving a replaced node are recreated on its replacement when it has room.
    /// </summary>
    private void ContinueDrains()
    {
        for (var k = 0; k < _draining.Count; k++)
        {
            var (n, replacement) = _draining[k];
            foreach (var p in Nodes[n].Pods.ToArray())
            {
                var service = Pods[p].Service;
                if (Services[service].ReadyPods < DesiredReplicas(service))
                {
                    continue;
                }

                Evict(p);
                var target = replacement >= 0 ? Nodes[replacement] : null;
                if (target is { State: NodeState.Ready } && target.Allocatable.Holds(target.Used + Services[service].Pod.Requests))
                {
                    if (Services[service].Active.Count < DesiredReplicas(service))
                    {
                        Bind(NewPod(service), replacement, instant: false);
                    }
                }
                else
                {
                    Reconcile(service);
                }
            }

            if (Nodes[n].Pods.Count == 0)
            {
                DeleteNode(n);
                _draining.RemoveAt(k--);
            }
        }
    }
}
