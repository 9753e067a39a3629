using Berth.Costing;
using Berth.Costing.Options;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// EKS on Fargate, pod by pod: the HPA as on EC2 nodes, but every pod is its own Fargate micro-VM — sized as its
/// requests plus 256 MB for the Kubernetes components, billed from launch at <c>berth cost</c>'s price (on-demand
/// Fargate with the Savings Plan, ephemeral storage above 20 GB) and serving after the Fargate start latency, as an ECS
/// task does. No nodes, no Spot (EKS on Fargate has none) and x86_64 only, as <c>berth cost</c> prices it.
/// </summary>
public sealed class EksFargateSimulation : OptionSimulation
{
    private sealed class Service(ServiceSpec spec)
    {
        public ServiceSpec Spec { get; } = spec;

        public double UsdPerHour { get; set; }

        public bool Priced { get; set; }

        /// <summary>Running pods, oldest first: (ledger index, serving).</summary>
        public List<(int Ledger, long ServesAt)> Pods { get; } = [];

        public int ServingPods { get; set; }
    }

    private readonly HorizontalPodAutoscaler _hpa;
    private readonly Service[] _services;
    private readonly double _controlPlaneUsdPerHour;
    private readonly Dictionary<int, (int Service, long ServesAt)> _starting = [];
    private int _running;

    public EksFargateSimulation(BerthSpec spec, PriceBook prices, SimulationOptions options, int run)
        : base(spec, options)
    {
        _hpa = new HorizontalPodAutoscaler(spec.Services);
        _controlPlaneUsdPerHour = (double)prices.ControlPlane(spec.Eks.SupportTier).UsdPerHour;
        var savingsPlan = (double)prices.SavingsPlan;
        var q = prices.Fargate(CpuArch.X64);
        _services = spec.Services.Select(s => new Service(s)).ToArray();
        foreach (var svc in _services)
        {
            var s = svc.Spec;
            var memory = new ByteSize(s.Memory.Bytes + EksFargateOption.PodOverhead.Bytes);
            var size = FargateSizing.Choose(prices.Catalog.FargateSizes, s.Cpu, memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
            if (size is null)
            {
                Note($"{s.Name}: larger than any Fargate pod with the 256 MB overhead; not simulated");
                continue;
            }

            var extraGb = Math.Max(0, Math.Ceiling(s.Storage.Bytes / (decimal)ByteSize.GiBBytes) - EcsFargateOption.FreeStorageGb);
            svc.UsdPerHour = ((double)FargateSizing.HourlyUsd(size, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour) * (1 - savingsPlan)) + (double)(extraGb * q.StorageGb.UsdPerHour);
            svc.Priced = true;
        }
    }

    public override string Id => EksFargateOption.OptionId;

    protected override int RunningUnits => _running;

    protected override void Start()
    {
        StartBilling(_controlPlaneUsdPerHour);
        for (var i = 0; i < _services.Length; i++)
        {
            if (_services[i].Priced)
            {
                _hpa.Start(i, Demand(i));
                Reconcile(i, instant: true);
            }
        }

        Queue.Schedule(HorizontalPodAutoscaler.Period, new SimEvent(EventKind.HpaSync, 0));
    }

    protected override void Handle(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.HpaSync:
                _hpa.NextTick();
                foreach (var i in _hpa.CpuScaled)
                {
                    var (used, ready) = TakeWindow(i);
                    if (_services[i].Priced && _hpa.SyncCpu(i, used, ready, _services[i].ServingPods))
                    {
                        ScaleEvents++;
                        Reconcile(i, instant: false);
                    }
                }

                var poll = Now % KedaScaledObject.PollingIntervalSeconds == 0;
                foreach (var i in _hpa.QueueScaled)
                {
                    if (_services[i].Priced && _hpa.SyncKeda(i, Now, QueueMessages(i), _services[i].Pods.Count, poll))
                    {
                        ScaleEvents++;
                        Reconcile(i, instant: false);
                    }
                }

                Queue.Schedule(Now + HorizontalPodAutoscaler.Period, e);
                break;
            case EventKind.UnitReady when _starting.Remove(e.Target, out var pod) && pod.ServesAt == Now:
                MarkServing(pod.Service, true);
                break;
            default:
                break;
        }
    }

    protected override void Finish() => StopAllBilling();

    /// <summary>Launches pods up to the desired count, or stops the newest above it.</summary>
    private void Reconcile(int service, bool instant)
    {
        var s = _services[service];
        var desired = _hpa.Desired[service];
        while (s.Pods.Count > desired)
        {
            var (ledger, servesAt) = s.Pods[^1];
            s.Pods.RemoveAt(s.Pods.Count - 1);
            if (!_starting.Remove(ledger))
            {
                MarkServing(service, false);
            }

            StopBilling(ledger);
            _running--;
        }

        while (s.Pods.Count < desired)
        {
            var ledger = StartBilling(s.UsdPerHour);
            _running++;
            var servesAt = instant ? Now : Now + Options.FargateStartSeconds;
            s.Pods.Add((ledger, servesAt));
            if (instant)
            {
                MarkServing(service, true);
            }
            else
            {
                _starting[ledger] = (service, servesAt);
                Queue.Schedule(servesAt, new SimEvent(EventKind.UnitReady, ledger));
            }
        }
    }

    private void MarkServing(int service, bool serving)
    {
        var s = _services[service];
        s.ServingPods += serving ? 1 : -1;
        ServingChanged(service, serving ? 1 : -1);
    }
}
