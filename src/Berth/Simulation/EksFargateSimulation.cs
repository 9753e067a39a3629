using Berth.Catalog;
using Berth.Planning;
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

    /// <summary>Runs the plan's pods, each at its plan's Fargate price; the controllers' Fargate pods are billed all the time.</summary>
    public EksFargateSimulation(BerthSpec spec, PriceBook prices, EksFargatePlan plan, SimulationOptions options, int run)
        : base(spec, options)
    {
        _hpa = new HorizontalPodAutoscaler(spec.Services);
        var savingsPlan = (double)prices.SavingsPlan;
        _controlPlaneUsdPerHour = (double)prices.ControlPlane(spec.Eks.SupportTier).UsdPerHour
            + plan.Controllers.Sum(c => c.Controller.Replicas * (double)c.Task.OnDemandUsdPerHour * (1 - savingsPlan));
        _services = spec.Services.Select(s => new Service(s)).ToArray();
        for (var i = 0; i < _services.Length; i++)
        {
            var svc = _services[i];
            if (plan.Pods[i].Task is not { } task)
            {
                Note($"{svc.Spec.Name}: cannot run on EKS Fargate (berth cost says why); not simulated");
                continue;
            }

            svc.UsdPerHour = ((double)task.OnDemandUsdPerHour * (1 - savingsPlan)) + (double)task.StorageUsdPerHour;
            svc.Priced = true;
        }
    }

    public override string Id => OptionIds.EksFargate;

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
