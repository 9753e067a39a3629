using Berth.Costing;
using Berth.Costing.Options;
using Berth.Packing;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// EKS with Karpenter, pod by pod and node by node: the HPA every 15 s (10% tolerance, the highest recommendation of
/// the last 300 s when scaling down), pods serving 5 s after binding to a node with room, pending pods batched for a
/// second and packed onto new nodes by <see cref="KarpenterPacker"/> that serve after 60 s, empty nodes deleted after
/// <c>consolidateAfter</c>, and Spot nodes interrupted with a two-minute warning (pods replaced at the warning).
/// Simplified: pods go to the first node with room (not kube-scheduler's scoring); under-used nodes are not replaced
/// with cheaper ones; the disruption budget is not modelled; managed node groups are not simulated.
/// </summary>
public sealed class EksKarpenterSimulation : OptionSimulation
{
    private const long HpaPeriod = 15;
    private const double HpaTolerance = 0.1;
    private const long ScaleDownWindow = 300;
    private const long ProvisionBatchSeconds = 1;
    private const int Window = (int)(ScaleDownWindow / HpaPeriod);

    private enum PodState
    {
        Pending,
        Bound,
        Starting,
        Serving,
        Draining,
        Stopped,
    }

    private enum NodeState
    {
        Launching,
        Ready,
        Cordoned,
        Deleted,
    }

    private sealed class SimPod(int service)
    {
        public int Service { get; } = service;

        public int Node { get; set; } = -1;

        public PodState State { get; set; }

        public bool Serving { get; set; }
    }

    private sealed class SimNode(int type, CapacityType capacity, Resources allocatable, int ledger)
    {
        public int Type { get; } = type;

        public CapacityType Capacity { get; } = capacity;

        public Resources Allocatable { get; } = allocatable;

        public int Ledger { get; } = ledger;

        public Resources Used { get; set; }

        public List<int> Pods { get; } = [];

        public NodeState State { get; set; }

        public int EmptyStamp { get; set; }
    }

    private sealed class Service(ServiceSpec spec, int index)
    {
        public ServiceSpec Spec { get; } = spec;

        public double Vcpu { get; } = spec.Cpu.Value / 1000.0;

        public double Target { get; } = DemandSource.Target(spec);

        public Pod Pod { get; } = new(index, spec.Cpu.Value, (long)Math.Ceiling(spec.Memory.MiB), spec.Arch, spec.Spot);

        public List<int> Active { get; } = [];

        public int Desired { get; set; }

        public int ReadyPods { get; set; }

        public int[] Recommendations { get; } = new int[Window];
    }

    private readonly NodeTypeTable _table;
    private readonly PriceBook _prices;
    private readonly Service[] _services;
    private readonly List<SimPod> _pods = [];
    private readonly List<SimNode> _nodes = [];
    private readonly List<int> _liveNodes = [];
    private readonly List<int> _pending = [];
    private readonly Random _spotRandom;
    private readonly double _rootVolumeUsdPerHour;
    private readonly double _controlPlaneUsdPerHour;
    private readonly double _savingsPlan;
    private readonly long? _consolidateAfter;
    private readonly string[] _serviceNames;
    private bool _provisionScheduled;
    private int _hpaTick;
    private bool _notedUnschedulable;

    public EksKarpenterSimulation(BerthSpec spec, PriceBook prices, NodeTypeTable table, SimulationOptions options, int run)
        : base(spec, options, run)
    {
        _table = table;
        _prices = prices;
        _spotRandom = SimRandom.For(options.Seed, run, SimRandom.EksSpotStream);
        _services = spec.Services.Select((s, i) => new Service(s, i)).ToArray();
        _serviceNames = spec.Services.Select(s => s.Name).ToArray();
        _rootVolumeUsdPerHour = (double)(EksKarpenterOption.RootVolumeGb * prices.Catalog.Storage(prices.Region, "gp3").UsdPerHour / spec.Pricing.HoursPerMonth);
        _controlPlaneUsdPerHour = (double)prices.ControlPlane(spec.Eks.SupportTier).UsdPerHour;
        _savingsPlan = (double)prices.SavingsPlan;
        // consolidateAfter: Never (null) leaves empty nodes running.
        _consolidateAfter = spec.Eks.Karpenter.ConsolidateAfter is { } after ? (long)Math.Ceiling(after.TotalSeconds) : null;
    }

    public override string Id => EksKarpenterOption.OptionId;

    protected override int RunningUnits => _liveNodes.Count;

    protected override void Start()
    {
        StartBilling(_controlPlaneUsdPerHour);
        for (var i = 0; i < _services.Length; i++)
        {
            var s = _services[i];
            s.Desired = s.Spec.Scaling is null ? s.Spec.MinReplicas : Wanted(s, Demand(i));
            Array.Fill(s.Recommendations, s.Desired);
            for (var r = 0; r < s.Desired; r++)
            {
                var id = NewPod(i);
                _pending.Add(id);
            }
        }

        Provision(instant: true);
        Queue.Schedule(HpaPeriod, new SimEvent(EventKind.HpaSync, 0));
    }

    protected override void Handle(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.HpaSync:
                Hpa();
                Queue.Schedule(Now + HpaPeriod, e);
                break;
            case EventKind.Provision:
                _provisionScheduled = false;
                Provision(instant: false);
                break;
            case EventKind.NodeReady:
                NodeReady(e.Target);
                break;
            case EventKind.UnitReady when _pods[e.Target].State == PodState.Starting:
                _pods[e.Target].State = PodState.Serving;
                MarkServing(e.Target, true);
                break;
            case EventKind.ConsolidationCheck:
                var node = _nodes[e.Target];
                if (node.State is NodeState.Launching or NodeState.Ready && node.Pods.Count == 0 && node.EmptyStamp == e.Stamp)
                {
                    DeleteNode(e.Target);
                }

                break;
            case EventKind.SpotWarning when _nodes[e.Target].State is NodeState.Launching or NodeState.Ready:
                SpotWarning(e.Target);
                break;
            case EventKind.SpotTerminate:
                foreach (var p in _nodes[e.Target].Pods.ToArray())
                {
                    StopPod(p);
                }

                DeleteNode(e.Target);
                break;
            default:
                break;
        }
    }

    protected override void Finish() => StopAllBilling();

    private static int Wanted(Service s, double demand)
    {
        var scaling = s.Spec.Scaling;
        var pods = (int)Math.Min(int.MaxValue, Math.Ceiling((demand / (s.Vcpu * s.Target)) - 1e-9));
        return scaling is null ? s.Desired : Math.Clamp(pods, scaling.Min, scaling.Max);
    }

    private void Hpa()
    {
        var slot = _hpaTick++ % Window;
        for (var i = 0; i < _services.Length; i++)
        {
            var s = _services[i];
            if (s.Spec.Scaling is null)
            {
                continue;
            }

            var demand = Demand(i);
            var ratio = s.ReadyPods == 0 ? double.PositiveInfinity : demand / (s.ReadyPods * s.Vcpu) / s.Target;
            var recommendation = Math.Abs(ratio - 1) <= HpaTolerance ? s.Desired : Wanted(s, demand);
            s.Recommendations[slot] = recommendation;
            if (recommendation == s.Desired)
            {
                continue;
            }

            // Scaling down takes the highest recommendation of the window (only then is the window read).
            var next = recommendation > s.Desired ? recommendation : Math.Min(s.Desired, Max(s.Recommendations));
            if (next != s.Desired)
            {
                s.Desired = next;
                ScaleEvents++;
                Reconcile(i);
            }
        }
    }

    private static int Max(int[] values)
    {
        var max = int.MinValue;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private void Reconcile(int service)
    {
        var s = _services[service];
        while (s.Active.Count > s.Desired)
        {
            var id = s.Active[^1];
            s.Active.RemoveAt(s.Active.Count - 1);
            StopPod(id);
        }

        while (s.Active.Count < s.Desired)
        {
            var id = NewPod(service);
            if (!TryPlace(id))
            {
                _pending.Add(id);
                if (!_provisionScheduled)
                {
                    _provisionScheduled = true;
                    Queue.Schedule(Now + ProvisionBatchSeconds, new SimEvent(EventKind.Provision, 0));
                }
            }
        }
    }

    private int NewPod(int service)
    {
        var id = _pods.Count;
        _pods.Add(new SimPod(service));
        _services[service].Active.Add(id);
        return id;
    }

    private bool TryPlace(int pod)
    {
        var request = _services[_pods[pod].Service].Pod;
        foreach (var n in _liveNodes)
        {
            var node = _nodes[n];
            if (node.State is NodeState.Launching or NodeState.Ready
                && _table.Types[node.Type].Arch == request.Arch
                && (node.Capacity != CapacityType.Spot || request.SpotOk)
                && node.Allocatable.Holds(node.Used + request.Requests))
            {
                Bind(pod, n, instant: false);
                return true;
            }
        }

        return false;
    }

    private void Provision(bool instant)
    {
        var pending = _pending.Where(p => _pods[p].State == PodState.Pending).ToArray();
        _pending.Clear();
        if (pending.Length == 0)
        {
            return;
        }

        var set = new PodSet(_serviceNames, pending.Select(p => _services[_pods[p].Service].Pod).ToArray());
        var packed = KarpenterPacker.Pack(_table, set, withLowerBound: false);
        foreach (var n in packed.Nodes)
        {
            var node = LaunchNode(n.Type, n.Capacity, instant);
            foreach (var p in n.Pods)
            {
                Bind(pending[p], node, instant);
            }
        }

        foreach (var u in packed.Unschedulable)
        {
            _pending.Add(pending[u]);
        }

        if (packed.Unschedulable.Count > 0 && !_notedUnschedulable)
        {
            _notedUnschedulable = true;
            Note("some pods fit no instance type the NodePool allows and stay pending: " + string.Join(", ", packed.Unschedulable.Select(u => _serviceNames[set.Pods[u].Service]).Distinct()));
        }
    }

    private int LaunchNode(int type, CapacityType capacity, bool instant)
    {
        var price = capacity == CapacityType.Spot ? (double)_table.Price(type, capacity) : (double)_table.Price(type, capacity) * (1 - _savingsPlan);
        var id = _nodes.Count;
        var node = new SimNode(type, capacity, _table.Allocatable[type], StartBilling(price + _rootVolumeUsdPerHour))
        {
            State = instant ? NodeState.Ready : NodeState.Launching,
        };
        _nodes.Add(node);
        _liveNodes.Add(id);
        if (!instant)
        {
            Queue.Schedule(Now + Options.NodeStartSeconds, new SimEvent(EventKind.NodeReady, id));
        }

        if (capacity == CapacityType.Spot)
        {
            var band = _prices.Catalog.Advisor(_prices.Region, _table.Types[type].Name)?.InterruptionBucket ?? SpotInterruptions.UnknownBand;
            var rate = SpotInterruptions.PerSecond(Options.SpotMonthlyRate ?? SpotInterruptions.MonthlyRate(band), Spec.Pricing.HoursPerMonth);
            if (SimRandom.Exponential(_spotRandom, rate) is { } wait)
            {
                Queue.Schedule(Now + wait, new SimEvent(EventKind.SpotWarning, id));
            }
        }

        return id;
    }

    private void Bind(int pod, int nodeId, bool instant)
    {
        var p = _pods[pod];
        var node = _nodes[nodeId];
        node.Used += _services[p.Service].Pod.Requests;
        if (!node.Allocatable.Holds(node.Used))
        {
            throw new InvalidOperationException($"node {nodeId} over its allocatable at {Now} s");
        }

        node.Pods.Add(pod);
        node.EmptyStamp++;
        p.Node = nodeId;
        if (instant)
        {
            p.State = PodState.Serving;
            MarkServing(pod, true);
        }
        else if (node.State == NodeState.Ready)
        {
            p.State = PodState.Starting;
            Queue.Schedule(Now + Options.PodStartSeconds, new SimEvent(EventKind.UnitReady, pod));
        }
        else
        {
            p.State = PodState.Bound;
        }
    }

    private void NodeReady(int nodeId)
    {
        var node = _nodes[nodeId];
        if (node.State != NodeState.Launching)
        {
            return;
        }

        node.State = NodeState.Ready;
        foreach (var p in node.Pods)
        {
            if (_pods[p].State == PodState.Bound)
            {
                _pods[p].State = PodState.Starting;
                Queue.Schedule(Now + Options.PodStartSeconds, new SimEvent(EventKind.UnitReady, p));
            }
        }
    }

    private void SpotWarning(int nodeId)
    {
        var node = _nodes[nodeId];
        Interruptions++;
        node.State = NodeState.Cordoned;
        var affected = new SortedSet<int>();
        foreach (var p in node.Pods.ToArray())
        {
            var pod = _pods[p];
            _services[pod.Service].Active.Remove(p);
            affected.Add(pod.Service);
            if (pod.State == PodState.Serving)
            {
                pod.State = PodState.Draining;
                if (!_services[pod.Service].Spec.GracefulShutdown)
                {
                    InFlightLosses++;
                }
            }
            else
            {
                StopPod(p);
            }
        }

        Queue.Schedule(Now + SpotInterruptions.WarningSeconds, new SimEvent(EventKind.SpotTerminate, nodeId));
        foreach (var s in affected)
        {
            Reconcile(s);
        }
    }

    private void StopPod(int pod)
    {
        var p = _pods[pod];
        if (p.State == PodState.Stopped)
        {
            return;
        }

        MarkServing(pod, false);
        p.State = PodState.Stopped;
        if (p.Node < 0)
        {
            _pending.Remove(pod);
            return;
        }

        var node = _nodes[p.Node];
        node.Used -= _services[p.Service].Pod.Requests;
        node.Pods.Remove(pod);
        if (node.Pods.Count == 0 && node.State is NodeState.Launching or NodeState.Ready && _consolidateAfter is { } after)
        {
            node.EmptyStamp++;
            Queue.Schedule(Now + after, new SimEvent(EventKind.ConsolidationCheck, p.Node, node.EmptyStamp));
        }
    }

    private void DeleteNode(int nodeId)
    {
        var node = _nodes[nodeId];
        if (node.State == NodeState.Deleted)
        {
            return;
        }

        if (node.Pods.Count > 0)
        {
            throw new InvalidOperationException($"node {nodeId} deleted with {node.Pods.Count} pods at {Now} s");
        }

        node.State = NodeState.Deleted;
        _liveNodes.Remove(nodeId);
        StopBilling(node.Ledger);
    }

    private void MarkServing(int pod, bool serving)
    {
        var p = _pods[pod];
        if (p.Serving == serving)
        {
            return;
        }

        var s = _services[p.Service];
        p.Serving = serving;
        s.ReadyPods += serving ? 1 : -1;
        AddCapacity(p.Service, (serving ? 1 : -1) * s.Vcpu * s.Target);
    }
}
