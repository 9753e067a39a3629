using Berth.Catalog;
using Berth.Packing;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// EKS on EC2 nodes, pod by pod and node by node — what Karpenter and fixed managed node groups share: the HPA, pods
/// binding to the first node with room (in launch order) and serving after the pod start latency, pods with nowhere to
/// go pending, Spot nodes interrupted with a two-minute warning — drained at the warning: the node is tainted, its pods
/// evicted (they stop serving then) and replaced at once (Karpenter's interruption handling, karpenter.sh/docs/concepts/
/// disruption#interruption; EKS managed node groups drain a Spot node when its interruption notice arrives,
/// docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html, Spot capacity) — and the node count and requested CPU integrated for the utilisation metrics. Subclasses decide where nodes come from.
/// Simplified: pods go to the first node with room they may use, not through kube-scheduler's scoring; zones are kept
/// only where Karpenter decides (see <see cref="EksKarpenterSimulation"/>).
/// </summary>
public abstract class EksNodeSimulation : OptionSimulation
{
    private protected enum PodState
    {
        Pending,
        Bound,
        Starting,
        Serving,
        Draining,
        Stopped,
    }

    private protected enum NodeState
    {
        Launching,
        Ready,
        Cordoned,
        Deleted,
    }

    private protected sealed class SimPod(int service)
    {
        public int Service { get; } = service;

        public int Node { get; set; } = -1;

        public PodState State { get; set; }

        public bool Serving { get; set; }
    }

    private protected sealed class SimNode(InstanceTypeInfo info, CapacityType capacity, Resources allocatable, double listUsdPerHour, int ledger)
    {
        public InstanceTypeInfo Info { get; } = info;

        public CapacityType Capacity { get; } = capacity;

        public Resources Allocatable { get; } = allocatable;

        /// <summary>The instance's list price per hour (what consolidation compares), before any Savings Plan, without the root volume.</summary>
        public double ListUsdPerHour { get; } = listUsdPerHour;

        public int Ledger { get; } = ledger;

        /// <summary>The instance type's index in its NodePool's table, or the managed node group index.</summary>
        public int Source { get; init; } = -1;

        /// <summary>The NodePool that launched the node (its index in the plan), or 0.</summary>
        public int Pool { get; init; }

        /// <summary>The node's zone (an index into the plan's zones), or −1 where zones are not modelled.</summary>
        public int Zone { get; init; } = -1;

        public Resources Used { get; set; }

        /// <summary>Requests on the node that are not service pods (the cluster's controllers); part of <see cref="Used"/>.</summary>
        public Resources Reserved { get; set; }

        /// <summary>The pods bound to the node, largest first.</summary>
        public List<int> Pods { get; } = [];

        public NodeState State { get; set; }

        /// <summary>When pods last bound to or left this node (consolidateAfter counts from here).</summary>
        public long LastChange { get; set; }

        /// <summary>Bumped on every pod change: cached consolidation results are valid for one stamp.</summary>
        public int Stamp { get; set; }

        /// <summary>When (in <see cref="RoomSequence"/> order) the node last gained room for other pods: a pod left, or it joined the nodes pods may bind to.</summary>
        public long RoomGained { get; set; }
    }

    /// <summary>Counts the times any node gained room (see <see cref="SimNode.RoomGained"/>).</summary>
    private protected long RoomSequence { get; private set; }

    private protected void GainedRoom(SimNode node) => node.RoomGained = ++RoomSequence;

    private protected sealed class Service(ServiceSpec spec, Pod pod)
    {
        public ServiceSpec Spec { get; } = spec;

        /// <summary>One replica as the scheduler sees it (the plan's requests where there is a plan).</summary>
        public Pod Pod { get; } = pod;

        public List<int> Active { get; } = [];

        public int ReadyPods { get; set; }
    }

    private readonly HorizontalPodAutoscaler _hpa;
    private readonly Random _spotRandom;
    private readonly Comparer<int> _largestFirst;
    private protected readonly PriceBook _prices;

    /// <param name="spec">The spec.</param>
    /// <param name="prices">Its prices.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="run">The run's index (its random streams).</param>
    /// <param name="pods">Each service's pod as its plan requests it; by default CPU, memory, arch and Spot from the spec.</param>
    private protected EksNodeSimulation(BerthSpec spec, PriceBook prices, SimulationOptions options, int run, IReadOnlyList<Pod>? pods = null)
        : base(spec, options)
    {
        _prices = prices;
        _spotRandom = SimRandom.For(options.Seed, run, SimRandom.EksSpotStream);
        Services = spec.Services.Select((s, i) => new Service(s, pods?[i] ?? new Pod(i, s.Cpu.Value, (long)Math.Ceiling(s.Memory.MiB), s.Arch, s.Spot))).ToArray();
        ServiceNames = spec.Services.Select(s => s.Name).ToArray();
        _hpa = new HorizontalPodAutoscaler(spec.Services);
        _largestFirst = Comparer<int>.Create((a, b) =>
        {
            var x = Services[Pods[a].Service].Pod;
            var y = Services[Pods[b].Service].Pod;
            var c = y.CpuMillicores.CompareTo(x.CpuMillicores);
            c = c != 0 ? c : y.MemoryMiB.CompareTo(x.MemoryMiB);
            return c != 0 ? c : a.CompareTo(b);
        });
        ControlPlaneUsdPerHour = (double)prices.ControlPlane(spec.Eks.SupportTier).UsdPerHour;
        SavingsPlan = (double)prices.SavingsPlan;
    }

    private protected Service[] Services { get; }

    private protected string[] ServiceNames { get; }

    private protected List<SimPod> Pods { get; } = [];

    private protected List<SimNode> Nodes { get; } = [];

    /// <summary>Nodes not deleted, in launch order.</summary>
    private protected List<int> LiveNodes { get; } = [];

    /// <summary>Pods waiting for a node, oldest first.</summary>
    private protected List<int> Pending { get; } = [];

    private protected double ControlPlaneUsdPerHour { get; }

    private protected double SavingsPlan { get; }

    protected override int RunningUnits => LiveNodes.Count;

    protected override void Start()
    {
        StartBilling(ControlPlaneUsdPerHour);
        StartNodes();
        for (var i = 0; i < Services.Length; i++)
        {
            _hpa.Start(i, Demand(i));
            for (var r = 0; r < _hpa.Desired[i]; r++)
            {
                Pending.Add(NewPod(i));
            }
        }

        PlaceInitialPods();
        Queue.Schedule(HorizontalPodAutoscaler.Period, new SimEvent(EventKind.HpaSync, 0));
    }

    /// <summary>Nodes that exist before the first pod (the node groups); none for Karpenter.</summary>
    private protected virtual void StartNodes()
    {
    }

    /// <summary>Places the first minute's pods, already serving (<see cref="Pending"/> holds them).</summary>
    private protected abstract void PlaceInitialPods();

    /// <summary>A pod found no node with room and joined <see cref="Pending"/>.</summary>
    private protected abstract void OnPending();

    /// <summary>A pod left a live node (room freed, or the node emptied).</summary>
    private protected virtual void OnPodLeft(int nodeId)
    {
    }

    /// <summary>A Spot node got its two-minute warning and was cordoned.</summary>
    private protected virtual void OnInterrupted(int nodeId)
    {
    }

    /// <summary>A pod of the service became ready (a PodDisruptionBudget may allow the next eviction).</summary>
    private protected virtual void OnPodReady(int service)
    {
    }

    /// <summary>The replicas the service's Deployment asks for now.</summary>
    private protected int DesiredReplicas(int service) => _hpa.Desired[service];

    /// <summary>A node became ready; its bound pods start.</summary>
    /// <summary>A node was deleted (after its pods left); <see cref="SimNode.Reserved"/> still says what else it held.</summary>
    private protected virtual void OnNodeDeleted(int nodeId)
    {
    }

    private protected virtual void OnNodeReady(int nodeId)
    {
    }

    /// <summary>Whether new pods may bind to the node now (Karpenter holds back nodes it is replacing or has reserved).</summary>
    private protected virtual bool Accepts(int nodeId) => true;

    /// <summary>Whether the pod's arch and Spot toleration allow the node.</summary>
    private protected virtual bool Compatible(SimNode node, Pod request) =>
        node.Info.Arch == request.Arch && (node.Capacity != CapacityType.Spot || request.SpotOk);

    protected override void Handle(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.HpaSync:
                Hpa();
                Queue.Schedule(Now + HorizontalPodAutoscaler.Period, e);
                break;
            case EventKind.NodeReady:
                NodeReady(e.Target);
                break;
            case EventKind.UnitReady when Pods[e.Target].State == PodState.Starting:
                Pods[e.Target].State = PodState.Serving;
                MarkServing(e.Target, true);
                OnPodReady(Pods[e.Target].Service);
                break;
            case EventKind.SpotWarning when Nodes[e.Target].State is NodeState.Launching or NodeState.Ready or NodeState.Cordoned:
                SpotWarning(e.Target);
                break;
            case EventKind.SpotTerminate:
                foreach (var p in Nodes[e.Target].Pods.ToArray())
                {
                    StopPod(p);
                }

                DeleteNode(e.Target);
                break;
            default:
                HandleOther(e);
                break;
        }
    }

    private protected virtual void HandleOther(SimEvent e)
    {
    }

    protected override void Finish() => StopAllBilling();

    private void Hpa()
    {
        _hpa.NextTick();
        foreach (var i in _hpa.CpuScaled)
        {
            var (used, ready) = TakeWindow(i);
            if (_hpa.SyncCpu(i, used, ready, Services[i].ReadyPods))
            {
                ScaleEvents++;
                Reconcile(i);
            }
        }

        var poll = Now % KedaScaledObject.PollingIntervalSeconds == 0;
        foreach (var i in _hpa.QueueScaled)
        {
            if (_hpa.SyncKeda(i, Now, QueueMessages(i), Services[i].Active.Count, poll))
            {
                ScaleEvents++;
                Reconcile(i);
            }
        }
    }

    /// <summary>Stops the newest pods above the desired count, or creates pods up to it (bound where there is room, else pending).</summary>
    private protected void Reconcile(int service)
    {
        var s = Services[service];
        var desired = _hpa.Desired[service];
        while (s.Active.Count > desired)
        {
            var id = s.Active[^1];
            s.Active.RemoveAt(s.Active.Count - 1);
            StopPod(id);
        }

        while (s.Active.Count < desired)
        {
            var id = NewPod(service);
            if (!TryPlace(id))
            {
                Pending.Add(id);
                OnPending();
            }
        }
    }

    private protected int NewPod(int service)
    {
        var id = Pods.Count;
        Pods.Add(new SimPod(service));
        Services[service].Active.Add(id);
        return id;
    }

    /// <summary>Binds a pod to the first node (in launch order) that accepts it and has room.</summary>
    private protected bool TryPlace(int pod)
    {
        var request = Services[Pods[pod].Service].Pod;
        foreach (var n in LiveNodes)
        {
            var node = Nodes[n];
            if (node.State is NodeState.Launching or NodeState.Ready
                && node.Allocatable.Holds(node.Used + request.Requests)
                && Compatible(node, request)
                && Accepts(n))
            {
                Bind(pod, n, instant: false);
                return true;
            }
        }

        return false;
    }

    /// <summary>Tries to bind every pending pod, oldest first (room freed, or a node became ready).</summary>
    private protected void RetryPending()
    {
        if (Pending.Count == 0)
        {
            return;
        }

        var waiting = Pending.ToArray();
        Pending.Clear();
        foreach (var p in waiting)
        {
            if (Pods[p].State == PodState.Pending && !TryPlace(p))
            {
                Pending.Add(p);
            }
        }
    }

    /// <summary>Launches a node billed at <paramref name="billedUsdPerHour"/> from now; Spot nodes get their time to interruption.</summary>
    private protected int LaunchNode(InstanceTypeInfo info, CapacityType capacity, Resources allocatable, double listUsdPerHour, double billedUsdPerHour, int source, bool instant, int pool = 0, int zone = -1)
    {
        var id = Nodes.Count;
        var node = new SimNode(info, capacity, allocatable, listUsdPerHour, StartBilling(billedUsdPerHour))
        {
            Source = source,
            Pool = pool,
            Zone = zone,
            State = instant ? NodeState.Ready : NodeState.Launching,
            LastChange = Now,
        };
        Nodes.Add(node);
        GainedRoom(node);
        LiveNodes.Add(id);
        NodesChanged(1, allocatable.CpuMillicores / 1000.0);
        if (!instant)
        {
            Queue.Schedule(Now + Options.NodeStartSeconds, new SimEvent(EventKind.NodeReady, id));
        }

        if (capacity == CapacityType.Spot)
        {
            var band = _prices.Catalog.Advisor(_prices.Region, info.Name)?.InterruptionBucket ?? SpotInterruptions.UnknownBand;
            var rate = SpotInterruptions.PerSecond(Options.SpotMonthlyRate ?? SpotInterruptions.MonthlyRate(band), Spec.Pricing.HoursPerMonth);
            if (SimRandom.Exponential(_spotRandom, rate) is { } wait)
            {
                Queue.Schedule(Now + wait, new SimEvent(EventKind.SpotWarning, id));
            }
        }

        return id;
    }

    /// <summary>Binds a pod to a node; throws if the node could not hold it (an invariant, not an input error).</summary>
    private protected void Bind(int pod, int nodeId, bool instant)
    {
        var p = Pods[pod];
        var node = Nodes[nodeId];
        if (node.State is NodeState.Deleted)
        {
            throw new InvalidOperationException($"pod {pod} bound to deleted node {nodeId} at {Now} s");
        }

        var request = Services[p.Service].Pod.Requests;
        node.Used += request;
        if (!node.Allocatable.Holds(node.Used))
        {
            throw new InvalidOperationException($"node {nodeId} over its allocatable at {Now} s");
        }

        // Kept largest first (CPU, then memory, then pod id): the order consolidation moves them in.
        var at = node.Pods.BinarySearch(pod, _largestFirst);
        node.Pods.Insert(~at, pod);
        Touch(node);
        RequestsChanged(request.CpuMillicores / 1000.0);
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

    private void Touch(SimNode node)
    {
        node.Stamp++;
        node.LastChange = Now;
    }

    private void NodeReady(int nodeId)
    {
        var node = Nodes[nodeId];
        if (node.State != NodeState.Launching)
        {
            return;
        }

        node.State = NodeState.Ready;
        foreach (var p in node.Pods)
        {
            if (Pods[p].State == PodState.Bound)
            {
                Pods[p].State = PodState.Starting;
                Queue.Schedule(Now + Options.PodStartSeconds, new SimEvent(EventKind.UnitReady, p));
            }
        }

        OnNodeReady(nodeId);
    }

    private void SpotWarning(int nodeId)
    {
        var node = Nodes[nodeId];
        Interruptions++;
        node.State = NodeState.Cordoned;
        var affected = new SortedSet<int>();
        foreach (var p in node.Pods.ToArray())
        {
            var pod = Pods[p];
            Services[pod.Service].Active.Remove(p);
            affected.Add(pod.Service);
            if (pod.State == PodState.Serving)
            {
                // Drained at the warning: evicted, the pod leaves its Service's endpoints and gets SIGTERM, so it serves no
                // new work; it stays on the node until the interruption. Without graceful shutdown its in-flight work is lost.
                pod.State = PodState.Draining;
                MarkServing(p, false);
                if (!Services[pod.Service].Spec.GracefulShutdown)
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
        OnInterrupted(nodeId);
        foreach (var s in affected)
        {
            Reconcile(s);
        }
    }

    /// <summary>Evicts a pod (consolidation): it stops now and its Deployment creates a replacement.</summary>
    private protected void Evict(int pod)
    {
        var p = Pods[pod];
        Services[p.Service].Active.Remove(pod);
        StopPod(pod);
    }

    private protected void StopPod(int pod)
    {
        var p = Pods[pod];
        if (p.State == PodState.Stopped)
        {
            return;
        }

        MarkServing(pod, false);
        p.State = PodState.Stopped;
        if (p.Node < 0)
        {
            // Scale-down stops the newest pods first, and the newest pending pods are at the end: look from there.
            var at = Pending.LastIndexOf(pod);
            if (at >= 0)
            {
                Pending.RemoveAt(at);
            }

            return;
        }

        var node = Nodes[p.Node];
        var request = Services[p.Service].Pod.Requests;
        node.Used -= request;
        // The node's pods are sorted by the same comparer that inserted them: find this one without a scan.
        node.Pods.RemoveAt(node.Pods.BinarySearch(pod, _largestFirst));
        Touch(node);
        RequestsChanged(-request.CpuMillicores / 1000.0);
        if (node.State is NodeState.Launching or NodeState.Ready)
        {
            GainedRoom(node);
            OnPodLeft(p.Node);
        }
    }

    /// <summary>Deletes a node; throws if a pod is still on it (an invariant: no pod runs on a deleted node).</summary>
    private protected void DeleteNode(int nodeId)
    {
        var node = Nodes[nodeId];
        if (node.State == NodeState.Deleted)
        {
            return;
        }

        if (node.Pods.Count > 0)
        {
            throw new InvalidOperationException($"node {nodeId} deleted with {node.Pods.Count} pods at {Now} s");
        }

        node.State = NodeState.Deleted;
        LiveNodes.Remove(nodeId);
        if (node.Reserved.CpuMillicores > 0)
        {
            // The controllers' pods go with the node: their requests leave the cluster's books until they are placed again.
            RequestsChanged(-node.Reserved.CpuMillicores / 1000.0);
        }

        NodesChanged(-1, -node.Allocatable.CpuMillicores / 1000.0);
        OnNodeDeleted(nodeId);
        StopBilling(node.Ledger);
    }

    private void MarkServing(int pod, bool serving)
    {
        var p = Pods[pod];
        if (p.Serving == serving)
        {
            return;
        }

        var s = Services[p.Service];
        p.Serving = serving;
        s.ReadyPods += serving ? 1 : -1;
        ServingChanged(p.Service, serving ? 1 : -1);
    }
}
