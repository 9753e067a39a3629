using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// ECS on Fargate, task by task: Application Auto Scaling target tracking on CPU (scale out after 3 consecutive
/// one-minute datapoints above target, scale in after 15 below 90% of it, cooldowns 60 s out and 300 s in), tasks
/// serving after a start latency, the capacity provider strategy placing each task on FARGATE or FARGATE_SPOT, and
/// Fargate Spot interruptions with a two-minute warning, the replacement launched at the warning.
/// </summary>
public sealed class EcsFargateSimulation : OptionSimulation
{
    private const int ScaleOutDatapoints = 3;
    private const int ScaleInDatapoints = 15;
    private const long ScaleOutCooldown = 60;
    private const long ScaleInCooldown = 300;

    /// <summary>Target tracking's scale-in alarm sits at 90% of the target.</summary>
    private const double ScaleInThreshold = 0.9;

    private static readonly CapacityProviderItem[] OnDemandOnly = [new(EcsSpec.Fargate, 0, 1)];

    private enum TaskState
    {
        Starting,
        Serving,
        Draining,
        Stopped,
    }

    private sealed class FargateTask(int service, int provider, int ledger)
    {
        public int Service { get; } = service;

        public int Provider { get; } = provider;

        public int Ledger { get; } = ledger;

        public TaskState State { get; set; }

        public bool Serving { get; set; }
    }

    private sealed class Service(ServiceSpec spec, IReadOnlyList<CapacityProviderItem> strategy)
    {
        public ServiceSpec Spec { get; } = spec;

        public IReadOnlyList<CapacityProviderItem> Strategy { get; } = strategy;

        public bool Priced { get; set; }

        public double Vcpu { get; } = spec.Cpu.Value / 1000.0;

        public double Target { get; } = DemandSource.Target(spec);

        public double[] UsdPerHour { get; } = new double[strategy.Count];

        public List<int>[] Active { get; } = strategy.Select(_ => new List<int>()).ToArray();

        public int Desired { get; set; }

        public int ServingTasks { get; set; }

        public int High { get; set; }

        public int Low { get; set; }

        public long LastScaleOut { get; set; } = long.MinValue / 2;

        public long LastScaleIn { get; set; } = long.MinValue / 2;
    }

    private readonly List<FargateTask> _tasks = [];
    private readonly Service[] _services;
    private readonly Random _spotRandom;
    private readonly double _spotRatePerSecond;
    private int _running;

    /// <summary>Runs the plan's services: each task at its plan's Fargate price, over its plan's capacity provider strategy.</summary>
    public EcsFargateSimulation(BerthSpec spec, PriceBook prices, EcsFargatePlan plan, SimulationOptions options, int run)
        : base(spec, options)
    {
        _spotRandom = SimRandom.For(options.Seed, run, SimRandom.EcsSpotStream);
        var configured = (double?)spec.Pricing.FargateOverride?.SpotInterruptionRate;
        var notedEstimate = false;
        _spotRatePerSecond = SpotInterruptions.PerSecond(options.SpotMonthlyRate ?? configured ?? SpotInterruptions.MonthlyRate(SpotInterruptions.FargateSpotBand), spec.Pricing.HoursPerMonth);
        _services = new Service[spec.Services.Count];
        var savingsPlan = (double)prices.SavingsPlan;
        for (var i = 0; i < _services.Length; i++)
        {
            var planned = plan.Services[i];
            var strategy = planned.Strategy;
            var svc = _services[i] = new Service(planned.Service, strategy);
            if (planned.Task is not { } task)
            {
                Note($"{planned.Service.Name}: cannot run on Fargate (berth cost says why); not simulated");
                continue;
            }

            svc.Priced = true;
            if (options.SpotMonthlyRate is null && configured is null && !notedEstimate && planned.UsesSpot)
            {
                notedEstimate = true;
                Note(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Fargate Spot interruptions at {SpotInterruptions.MonthlyRate(SpotInterruptions.FargateSpotBand):0.#%} per task per month are an estimate (AWS publishes no rate): set pricing.overrides.fargate.spotInterruptionRate to your own"));
            }

            var storage = (double)task.StorageUsdPerHour;
            for (var p = 0; p < strategy.Count; p++)
            {
                svc.UsdPerHour[p] = strategy[p].Provider == EcsSpec.FargateSpot
                    ? (double)task.SpotUsdPerHour + storage
                    : ((double)task.OnDemandUsdPerHour * (1 - savingsPlan)) + storage;
            }
        }
    }

    public override string Id => OptionIds.EcsFargate;

    protected override int RunningUnits => _running;

    protected override void Start()
    {
        for (var i = 0; i < _services.Length; i++)
        {
            var s = _services[i];
            if (!s.Priced)
            {
                continue;
            }

            s.Desired = s.Spec.Scaling is null ? s.Spec.MinReplicas : Wanted(s, Demand(i));
            Reconcile(i, instant: true);
        }
    }

    protected override void OnMinute()
    {
        for (var i = 0; i < _services.Length; i++)
        {
            var s = _services[i];
            if (!s.Priced || s.Spec.Scaling is null)
            {
                continue;
            }

            // The datapoint is the average CPU of the tasks reporting it: demand over serving tasks' vCPU.
            var demand = Demand(i);
            var utilisation = s.ServingTasks == 0 ? (demand > 0 ? double.PositiveInfinity : 0) : demand / (s.ServingTasks * s.Vcpu);
            s.High = utilisation > s.Target ? s.High + 1 : 0;
            s.Low = utilisation < s.Target * ScaleInThreshold ? s.Low + 1 : 0;
            var wanted = Wanted(s, demand);
            if (s.High >= ScaleOutDatapoints && Now - s.LastScaleOut >= ScaleOutCooldown && wanted > s.Desired)
            {
                s.Desired = wanted;
                s.LastScaleOut = Now;
                ScaleEvents++;
                Reconcile(i, instant: false);
            }
            else if (s.Low >= ScaleInDatapoints && Now - s.LastScaleIn >= ScaleInCooldown && Now - s.LastScaleOut >= ScaleInCooldown && wanted < s.Desired)
            {
                s.Desired = wanted;
                s.LastScaleIn = Now;
                ScaleEvents++;
                Reconcile(i, instant: false);
            }
        }
    }

    protected override void Handle(SimEvent e)
    {
        var task = _tasks[e.Target];
        switch (e.Kind)
        {
            case EventKind.UnitReady when task.State == TaskState.Starting:
                task.State = TaskState.Serving;
                MarkServing(task, true);
                break;
            case EventKind.SpotWarning when task.State is TaskState.Starting or TaskState.Serving:
                Interruptions++;
                if (!_services[task.Service].Spec.GracefulShutdown && task.Serving)
                {
                    InFlightLosses++;
                }

                task.State = TaskState.Draining;
                _services[task.Service].Active[task.Provider].Remove(e.Target);
                Queue.Schedule(Now + SpotInterruptions.WarningSeconds, new SimEvent(EventKind.SpotTerminate, e.Target));
                Reconcile(task.Service, instant: false);
                break;
            case EventKind.SpotTerminate when task.State == TaskState.Draining:
                Stop(task);
                break;
            default:
                break;
        }
    }

    protected override void Finish() => StopAllBilling();

    private static int Wanted(Service s, double demand)
    {
        var scaling = s.Spec.Scaling;
        var tasks = (int)Math.Min(int.MaxValue, Math.Ceiling((demand / (s.Vcpu * s.Target)) - 1e-9));
        return scaling is null ? s.Desired : Math.Clamp(tasks, scaling.Min, scaling.Max);
    }

    /// <summary>Launches or stops tasks so each provider holds its share of the desired count (newest stopped first).</summary>
    private void Reconcile(int service, bool instant)
    {
        var s = _services[service];
        var split = CapacityProviderSplit.Split(s.Strategy, s.Desired);
        for (var p = 0; p < split.Length; p++)
        {
            var active = s.Active[p];
            while (active.Count > split[p])
            {
                var id = active[^1];
                active.RemoveAt(active.Count - 1);
                Stop(_tasks[id]);
            }

            while (active.Count < split[p])
            {
                active.Add(Launch(service, p, instant));
            }
        }
    }

    private int Launch(int service, int provider, bool instant)
    {
        var s = _services[service];
        var id = _tasks.Count;
        var task = new FargateTask(service, provider, StartBilling(s.UsdPerHour[provider]));
        _tasks.Add(task);
        _running++;
        if (instant)
        {
            task.State = TaskState.Serving;
            MarkServing(task, true);
        }
        else
        {
            Queue.Schedule(Now + Options.FargateStartSeconds, new SimEvent(EventKind.UnitReady, id));
        }

        if (s.Strategy[provider].Provider == EcsSpec.FargateSpot && SimRandom.Exponential(_spotRandom, _spotRatePerSecond) is { } wait)
        {
            Queue.Schedule(Now + wait, new SimEvent(EventKind.SpotWarning, id));
        }

        return id;
    }

    private void Stop(FargateTask task)
    {
        MarkServing(task, false);
        task.State = TaskState.Stopped;
        StopBilling(task.Ledger);
        _running--;
    }

    private void MarkServing(FargateTask task, bool serving)
    {
        if (task.Serving == serving)
        {
            return;
        }

        var s = _services[task.Service];
        task.Serving = serving;
        s.ServingTasks += serving ? 1 : -1;
        AddCapacity(task.Service, (serving ? 1 : -1) * s.Vcpu * s.Target);
    }
}
