using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// The shared machinery of one option's run: the clock and event queue, demand each minute, and exact integrals of
/// demanded and served vCPU-seconds per service and of cost over running capacity (piecewise constant between events).
/// A ready replica serves up to 100% of its CPU (the autoscaler's target is only its setpoint); a request-serving
/// service loses demand above that, an event-sourced one (<c>eventSource</c>) queues it in a <see cref="QueuedWork"/>.
/// Each service's CPU use is also integrated per window, for the autoscalers to observe as the real ones do.
/// </summary>
public abstract class OptionSimulation
{
    private DemandFeed? _feed;
    private readonly Flow[] _flows;
    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<double> _billing = [];
    private readonly Stack<int> _free = new();
    private readonly List<TimeSeriesPoint> _series = [];
    private readonly List<string> _notes = [];
    private double _demanded;
    private double _served;
    private double _totalDemand;
    private double _totalCapacity;
    private double _costUsd;
    private double _costRate;
    private long _costSettledAt;
    private readonly int[] _shortfallMinutes;
    private bool _shortThisMinute;
    private int _nodes;
    private double _nodeVcpu;
    private double _requestedVcpu;
    private double _nodeSeconds;
    private double _nodeVcpuSeconds;
    private double _requestedVcpuSeconds;
    private long _nodesSettledAt;
    private int _peakNodes;

    protected OptionSimulation(BerthSpec spec, SimulationOptions options)
    {
        Spec = spec;
        Options = options;
        _flows = spec.Services.Select(s => new Flow
        {
            Vcpu = s.Cpu.Value / 1000.0,
            Consumers = MaxConsumers(s),
            Queue = s.EventSource is { } e ? new QueuedWork(s.Cpu.Value / 1000.0, e.TargetPerReplica) : null,
        }).ToArray();
        _shortfallMinutes = new int[options.Days];
    }

    /// <summary>
    /// Replicas that can work at once: a Kafka consumer group gives each partition to one consumer, so consumers beyond
    /// the partition count sit idle (KEDA's kafka scaler caps replicas there too). Without <c>eventSource.partitions</c>
    /// Berth assumes as many partitions as <c>scaling.max</c>.
    /// </summary>
    public static int MaxConsumers(ServiceSpec s) =>
        s.EventSource is { Type: EventSourceType.Kafka } e ? e.Partitions ?? s.MaxReplicas : int.MaxValue;

    public abstract string Id { get; }

    protected BerthSpec Spec { get; }

    protected SimulationOptions Options { get; }

    protected EventCalendar Queue { get; } = new();

    protected long Now { get; private set; }

    protected int Interruptions { get; set; }

    protected int InFlightLosses { get; set; }

    protected int ScaleEvents { get; set; }

    /// <summary>Nodes consolidation deleted (empty, or drained onto the other nodes).</summary>
    protected int NodesConsolidated { get; set; }

    /// <summary>Nodes consolidation replaced with a cheaper one.</summary>
    protected int NodesReplaced { get; set; }

    /// <summary>Tasks or nodes running now (what the time series reports).</summary>
    protected abstract int RunningUnits { get; }

    protected double Demand(int service) => _flows[service].Demand;

    /// <summary>What the ready replicas can serve now, vCPU: each up to 100% of its CPU (Kafka: idle consumers serve nothing).</summary>
    protected double Capacity(int service) => _flows[service].Capacity;

    protected int Serving(int service) => _flows[service].Serving;

    /// <summary>Whether the service takes its work from a queue or topic (its excess demand waits rather than is lost).</summary>
    protected bool Queued(int service) => _flows[service].Queue is not null;

    /// <summary>Messages waiting in the service's queue (SQS visible messages, Kafka lag) now; 0 without a queue.</summary>
    protected double QueueMessages(int service)
    {
        if (_flows[service].Queue is not { } q)
        {
            return 0;
        }

        Settle(service);
        return q.Messages;
    }

    /// <summary>
    /// The service's CPU use since the last call (vCPU-seconds) and its ready replicas' time (replica-seconds): what
    /// CloudWatch or metrics-server report as utilisation over the window, capped at 100% of the replicas' CPU because
    /// no replica serves more than its CPU.
    /// </summary>
    protected (double UsedVcpuSeconds, double ReplicaSeconds) TakeWindow(int service)
    {
        Settle(service);
        ref var f = ref _flows[service];
        var w = (f.WindowUsed, f.WindowReplicaSeconds);
        f.WindowUsed = 0;
        f.WindowReplicaSeconds = 0;
        return w;
    }

    protected void Note(string note) => _notes.Add(note);

    /// <summary>The demand feed of run <paramref name="run"/>: the same for every option of the run.</summary>
    public static DemandFeed NewFeed(BerthSpec spec, SimulationOptions options, int run) =>
        new(new DemandSource(spec, SimRandom.For(options.Seed, run, SimRandom.DemandStream), options), spec.Services.Count);

    /// <summary>Starts the run at second 0 with minute 0's demand from <paramref name="feed"/>.</summary>
    public void Begin(DemandFeed feed)
    {
        _feed = feed;
        SetDemand(feed.Minute(0), minuteBoundary: false);
        Start();
        Queue.Schedule(60, new SimEvent(EventKind.MinuteTick, 1));
    }

    /// <summary>Handles every event before <paramref name="until"/> seconds (at most the horizon).</summary>
    public void AdvanceTo(long until)
    {
        var feed = _feed ?? throw new InvalidOperationException("Begin before AdvanceTo");
        until = Math.Min(until, Options.HorizonSeconds);
        while (Queue.TryNext(until, out var time, out var e))
        {
            Now = time;
            if (e.Kind == EventKind.MinuteTick)
            {
                Record(e.Target - 1);
                SetDemand(feed.Minute(e.Target));
                CloseMinute(e.Target - 1);
                Queue.Schedule(time + 60, new SimEvent(EventKind.MinuteTick, e.Target + 1));
                OnMinute();
            }
            else
            {
                Handle(e);
            }
        }
    }

    /// <summary>Closes the run at the horizon and returns what it measured.</summary>
    public OptionRun End()
    {
        var horizon = Options.HorizonSeconds;
        Now = horizon;
        Record((int)(horizon / 60) - 1);
        for (var i = 0; i < _flows.Length; i++)
        {
            Settle(i);
        }

        CloseMinute((int)(horizon / 60) - 1);
        SettleCost();
        SettleNodes();
        Finish();
        var monthly = _costUsd * (double)Spec.Pricing.HoursPerMonth * 3600.0 / horizon * Clusters;
        var queues = new List<QueueRun>();
        for (var i = 0; i < _flows.Length; i++)
        {
            if (_flows[i].Queue is { } q)
            {
                q.MinuteBoundary(horizon, _flows[i].Demand);
                var (drain, drained) = q.DrainAt(horizon);
                queues.Add(new QueueRun(Spec.Services[i].Name, q.PeakBacklog / q.MessageVcpuSeconds, drain, drained, q.MaxAgeSeconds,
                    q.Arrived / q.MessageVcpuSeconds, q.Processed / q.MessageVcpuSeconds, q.Messages));
            }
        }

        return new OptionRun(Id, _costUsd, monthly, _demanded, _served, Interruptions, InFlightLosses, ScaleEvents, _notes, _ledger, _series)
        {
            Queues = queues,
            ShortfallMinutesPerDay = _shortfallMinutes,
            AverageNodes = _nodeSeconds / horizon,
            NodeCpuUtilisationPct = _nodeVcpuSeconds > 0 ? 100.0 * _requestedVcpuSeconds / _nodeVcpuSeconds : 0,
            PeakNodes = _peakNodes,
            NodesConsolidated = NodesConsolidated,
            NodesReplaced = NodesReplaced,
        };
    }

    /// <summary>One cluster (or ECS service set) per client, as <c>berth cost</c> counts them.</summary>
    private int Clusters => Math.Max(1, Spec.Clients.Count);

    protected abstract void Start();

    protected virtual void OnMinute()
    {
    }

    protected abstract void Handle(SimEvent e);

    /// <summary>Called at the horizon, before the ledger is read: close what is still running.</summary>
    protected abstract void Finish();

    /// <summary>A replica of the service became ready to serve (+1) or stopped serving (−1).</summary>
    protected void ServingChanged(int service, int delta)
    {
        Settle(service);
        var before = Capacity(service);
        ref var f = ref _flows[service];
        var next = f.Serving + delta;
        if (next < 0)
        {
            throw new InvalidOperationException($"serving replicas of service {service} would be negative at {Now} s");
        }

        f.Serving = next;
        _totalCapacity += f.Capacity - before;
    }

    /// <summary>Starts billing a unit; returns the index to stop it with.</summary>
    protected int StartBilling(double usdPerHour)
    {
        SettleCost();
        _costRate += usdPerHour;
        if (Options.KeepLedger)
        {
            _ledger.Add(new LedgerEntry(Now, -1, usdPerHour));
            return _ledger.Count - 1;
        }

        // Without a ledger to return, only what is running now is kept, its slots reused.
        var slot = _free.Count > 0 ? _free.Pop() : _billing.Count;
        if (slot == _billing.Count)
        {
            _billing.Add(usdPerHour);
        }
        else
        {
            _billing[slot] = usdPerHour;
        }

        return slot;
    }

    protected void StopBilling(int index)
    {
        double rate;
        if (Options.KeepLedger)
        {
            var entry = _ledger[index];
            if (entry.Stop >= 0)
            {
                return;
            }

            rate = entry.UsdPerHour;
            _ledger[index] = entry with { Stop = Now };
        }
        else
        {
            rate = _billing[index];
            if (double.IsNaN(rate))
            {
                return;
            }

            _billing[index] = double.NaN;
            _free.Push(index);
        }

        SettleCost();
        _costRate -= rate;
    }

    protected void StopAllBilling()
    {
        var count = Options.KeepLedger ? _ledger.Count : _billing.Count;
        for (var i = 0; i < count; i++)
        {
            StopBilling(i);
        }
    }

    /// <summary>Nodes came or went: <paramref name="nodes"/> and their allocatable vCPU, as deltas.</summary>
    protected void NodesChanged(int nodes, double allocatableVcpu)
    {
        SettleNodes();
        _nodes += nodes;
        _nodeVcpu += allocatableVcpu;
        _peakNodes = Math.Max(_peakNodes, _nodes);
    }

    /// <summary>Pods were bound to or removed from nodes: the CPU they request, as a delta.</summary>
    protected void RequestsChanged(double vcpu)
    {
        SettleNodes();
        _requestedVcpu += vcpu;
    }

    private void SettleNodes()
    {
        var dt = Now - _nodesSettledAt;
        if (dt > 0)
        {
            _nodeSeconds += _nodes * dt;
            _nodeVcpuSeconds += _nodeVcpu * dt;
            _requestedVcpuSeconds += _requestedVcpu * dt;
            _nodesSettledAt = Now;
        }
    }

    /// <summary>A shortfall minute is one in which some service was, for any second, served less than its demand.</summary>
    private void CloseMinute(int minute)
    {
        if (_shortThisMinute && minute >= 0)
        {
            _shortfallMinutes[minute / 1440]++;
        }

        _shortThisMinute = false;
    }

    private void SetDemand(ReadOnlySpan<double> next, bool minuteBoundary = true)
    {
        for (var i = 0; i < next.Length; i++)
        {
            Settle(i);
            ref var f = ref _flows[i];
            if (minuteBoundary)
            {
                f.Queue?.MinuteBoundary(Now, f.Demand);
            }

            _totalDemand += next[i] - f.Demand;
            f.Demand = next[i];
        }
    }

    private void Settle(int service)
    {
        ref var f = ref _flows[service];
        var now = Now;
        var dt = now - f.SettledAt;
        if (dt <= 0)
        {
            return;
        }

        var demand = f.Demand;
        var capacity = f.Capacity;
        if (f.Queue is { } q)
        {
            // The scaler's setpoint: a minute of the working consumers' capacity (targetPerReplica messages each).
            f.WindowUsed += q.Advance(now, dt, demand, capacity, capacity * QueuedWork.AcceptableLatencySeconds);
        }
        else
        {
            var served = Math.Min(demand, capacity) * dt;
            _demanded += demand * dt;
            _served += served;
            f.WindowUsed += served;
            _shortThisMinute |= capacity + 1e-9 < demand;
        }

        f.WindowReplicaSeconds += f.Serving * dt;
        f.SettledAt = now;
    }

    private void SettleCost()
    {
        var dt = Now - _costSettledAt;
        if (dt > 0)
        {
            _costUsd += _costRate * dt / 3600.0;
            _costSettledAt = Now;
        }
    }

    private void Record(int minute)
    {
        if (!Options.TimeSeries || minute < 0)
        {
            return;
        }

        SettleCost();
        double messages = 0, age = 0;
        for (var i = 0; i < _flows.Length; i++)
        {
            if (_flows[i].Queue is { } q)
            {
                Settle(i);
                messages += q.Messages;
                age = Math.Max(age, q.OldestAge(Now, _flows[i].Demand));
            }
        }

        _series.Add(new TimeSeriesPoint(minute, Math.Max(0, _totalDemand), Math.Max(0, _totalCapacity), RunningUnits, _costUsd,
            _nodes, _nodeVcpu > 0 ? 100.0 * _requestedVcpu / _nodeVcpu : 0)
        { BacklogMessages = messages, OldestMessageAgeSeconds = age });
    }

    /// <summary>One service's demand and serving replicas now, and what has been integrated for it up to <see cref="SettledAt"/>.</summary>
    private struct Flow
    {
        public long SettledAt;
        public double Demand;
        public double Vcpu;
        public int Serving;
        public int Consumers;
        public double WindowUsed;
        public double WindowReplicaSeconds;
        public QueuedWork? Queue;

        /// <summary>What the ready replicas can serve now, vCPU (Kafka: idle consumers serve nothing).</summary>
        public readonly double Capacity => Math.Min(Serving, Consumers) * Vcpu;
    }
}
