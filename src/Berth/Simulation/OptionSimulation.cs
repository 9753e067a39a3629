using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// The shared machinery of one option's run: the clock and event queue, demand each minute, and exact integrals of
/// demanded and served vCPU-seconds per service and of cost over running capacity (piecewise constant between events).
/// </summary>
public abstract class OptionSimulation
{
    private DemandFeed? _feed;
    private readonly double[] _demand;
    private readonly double[] _capacity;
    private readonly long[] _settledAt;
    private readonly List<LedgerEntry> _ledger = [];
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
        var n = spec.Services.Count;
        _demand = new double[n];
        _capacity = new double[n];
        _settledAt = new long[n];
        _shortfallMinutes = new int[options.Days];
    }

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

    protected double Demand(int service) => _demand[service];

    protected double Capacity(int service) => _capacity[service];

    protected void Note(string note) => _notes.Add(note);

    /// <summary>The demand feed of run <paramref name="run"/>: the same for every option of the run.</summary>
    public static DemandFeed NewFeed(BerthSpec spec, SimulationOptions options, int run) =>
        new(new DemandSource(spec.Services, SimRandom.For(options.Seed, run, SimRandom.DemandStream), options), spec.Services.Count);

    /// <summary>Starts the run at second 0 with minute 0's demand from <paramref name="feed"/>.</summary>
    public void Begin(DemandFeed feed)
    {
        _feed = feed;
        SetDemand(feed.Minute(0));
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
        for (var i = 0; i < _demand.Length; i++)
        {
            Settle(i);
        }

        CloseMinute((int)(horizon / 60) - 1);
        SettleCost();
        SettleNodes();
        Finish();
        var monthly = _costUsd * (double)Spec.Pricing.HoursPerMonth * 3600.0 / horizon * Clusters;
        return new OptionRun(Id, _costUsd, monthly, _demanded, _served, Interruptions, InFlightLosses, ScaleEvents, _notes, _ledger, _series)
        {
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

    protected void AddCapacity(int service, double vcpu)
    {
        Settle(service);
        var next = _capacity[service] + vcpu;
        if (next < -1e-9)
        {
            throw new InvalidOperationException($"capacity of service {service} would be negative at {Now} s");
        }

        _capacity[service] = Math.Max(0, next);
        _totalCapacity += vcpu;
    }

    /// <summary>Starts billing a unit; returns the ledger index to stop it with.</summary>
    protected int StartBilling(double usdPerHour)
    {
        SettleCost();
        _costRate += usdPerHour;
        _ledger.Add(new LedgerEntry(Now, -1, usdPerHour));
        return _ledger.Count - 1;
    }

    protected void StopBilling(int ledgerIndex)
    {
        var entry = _ledger[ledgerIndex];
        if (entry.Stop >= 0)
        {
            return;
        }

        SettleCost();
        _costRate -= entry.UsdPerHour;
        _ledger[ledgerIndex] = entry with { Stop = Now };
    }

    protected void StopAllBilling()
    {
        for (var i = 0; i < _ledger.Count; i++)
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

    private void SetDemand(ReadOnlySpan<double> next)
    {
        for (var i = 0; i < next.Length; i++)
        {
            Settle(i);
            _totalDemand += next[i] - _demand[i];
            _demand[i] = next[i];
        }
    }

    private void Settle(int service)
    {
        var dt = Now - _settledAt[service];
        if (dt > 0)
        {
            _demanded += _demand[service] * dt;
            _served += Math.Min(_demand[service], _capacity[service]) * dt;
            _shortThisMinute |= _capacity[service] + 1e-9 < _demand[service];
            _settledAt[service] = Now;
        }
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
        _series.Add(new TimeSeriesPoint(minute, Math.Max(0, _totalDemand), Math.Max(0, _totalCapacity), RunningUnits, _costUsd,
            _nodes, _nodeVcpu > 0 ? 100.0 * _requestedVcpu / _nodeVcpu : 0));
    }
}
