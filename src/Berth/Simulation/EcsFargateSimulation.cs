using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// ECS on Fargate, task by task: Application Auto Scaling's policies as generated — CPU target tracking on every
/// autoscaled service, plus backlog-per-task target tracking and start-from-zero step scaling for SQS consumers
/// (the plan's <see cref="EcsScalingPlan"/> and <see cref="EcsQueueScalingPlan"/>, which Generation writes) — each seeing one-minute CloudWatch datapoints a minute late
/// (<see cref="TargetTrackingAlarms"/>), the CPU datapoint capped at 100% of the task size; tasks serving after a start
/// latency; the capacity provider strategy placing each task on FARGATE or FARGATE_SPOT; Fargate Spot interruptions
/// with a two-minute warning — the task gets SIGTERM then, stops serving, and is stopped after its stopTimeout, its
/// replacement launched at once; and Fargate Spot launches that find no capacity, retried (never moved to FARGATE).
/// </summary>
public sealed class EcsFargateSimulation : OptionSimulation
{
    /// <summary>
    /// The container's stopTimeout as generated (Generation/Ecs/ContainerDefinitions.cs): the 120 s maximum when the
    /// service handles SIGTERM, else ECS's 30 s default. A Fargate Spot task is stopped this long after its warning
    /// (repost.aws/knowledge-center/fargate-spot-termination-notice).
    /// </summary>
    private const long GracefulStopTimeout = 120;
    private const long DefaultStopTimeout = 30;

    /// <summary>
    /// How often the service scheduler retries a task Fargate Spot had no capacity for: "the Amazon ECS service retries
    /// launching the task until the required capacity becomes available" (AmazonECS/latest/bestpracticesguide/
    /// ec2-and-fargate-spot.html); AWS gives no interval, Berth assumes a minute.
    /// </summary>
    private const long SpotRetrySeconds = 60;

    private static readonly CapacityProviderItem[] OnDemandOnly = [new(EcsSpec.Fargate, 0, 1)];

    private enum TaskState
    {
        Waiting,
        Starting,
        Serving,
        Draining,
        Stopped,
    }

    private sealed class FargateTask(int service, int provider)
    {
        public int Service { get; } = service;

        public int Provider { get; } = provider;

        /// <summary>The billing ledger index, once Fargate has placed the task (-1 while it waits for Spot capacity).</summary>
        public int Ledger { get; set; } = -1;

        public TaskState State { get; set; }

        public bool Serving { get; set; }
    }

    private sealed class Service(ServiceSpec spec, IReadOnlyList<CapacityProviderItem> strategy, EcsScalingPlan? scaling)
    {
        public ServiceSpec Spec { get; } = spec;

        public EcsScalingPlan? Scaling { get; } = scaling;

        public IReadOnlyList<CapacityProviderItem> Strategy { get; } = strategy;

        public bool Priced { get; set; }

        public double Vcpu { get; } = spec.Cpu.Value / 1000.0;

        public double Target { get; } = DemandSource.Target(spec);

        public double[] UsdPerHour { get; } = new double[strategy.Count];

        public List<int>[] Active { get; } = strategy.Select(_ => new List<int>()).ToArray();

        public int Desired { get; set; }

        public TargetTrackingAlarms Cpu { get; } = new(DemandSource.Target(spec));

        public TargetTrackingAlarms? Backlog { get; } = scaling?.Queue is { } queue ? new(queue.BacklogPerTask) : null;

        /// <summary>The start-from-zero alarm's datapoints, by minute (two are enough for a one-minute delay).</summary>
        public (int Minute, bool Breaching)[] Step { get; } = new (int, bool)[TargetTrackingAlarms.MetricDelayMinutes + 1];

        public long LastScaleOut { get; set; } = long.MinValue / 2;

        public long LastScaleIn { get; set; } = long.MinValue / 2;

        public long LastStep { get; set; } = long.MinValue / 2;
    }

    private readonly List<FargateTask> _tasks = [];
    private readonly Service[] _services;
    private readonly Random _spotRandom;
    private readonly double _spotRatePerSecond;
    private readonly double _spotLaunchFailure;
    private int _running;

    /// <summary>Runs the plan's services: each task at its plan's Fargate price, over its plan's capacity provider strategy.</summary>
    public EcsFargateSimulation(BerthSpec spec, PriceBook prices, EcsFargatePlan plan, SimulationOptions options, int run)
        : base(spec, options)
    {
        _spotRandom = SimRandom.For(options.Seed, run, SimRandom.EcsSpotStream);
        var configured = (double?)spec.Pricing.FargateOverride?.SpotInterruptionRate;
        var notedEstimate = false;
        _spotRatePerSecond = SpotInterruptions.PerSecond(options.SpotMonthlyRate ?? configured ?? SpotInterruptions.MonthlyRate(SpotInterruptions.FargateSpotBand), spec.Pricing.HoursPerMonth);
        _spotLaunchFailure = (double)(spec.Pricing.FargateOverride?.SpotLaunchFailureRate ?? 0);
        _services = new Service[spec.Services.Count];
        var savingsPlan = (double)prices.SavingsPlan;
        for (var i = 0; i < _services.Length; i++)
        {
            var planned = plan.Services[i];
            var strategy = planned.Strategy;
            var svc = _services[i] = new Service(planned.Service, strategy, planned.Scaling);
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

            s.Desired = s.Scaling is { } scaling
                ? Math.Clamp(Ceil(Demand(i) / (s.Vcpu * s.Target)), scaling.Min, scaling.Max)
                : s.Spec.MinReplicas;
            Reconcile(i, instant: true);
        }

        if (_spotLaunchFailure > 0 && _services.Any(s => s.Priced && s.Strategy.Any(p => p.Provider == EcsSpec.FargateSpot)))
        {
            Note(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Fargate Spot launches find no capacity {_spotLaunchFailure:0.#%} of the time (pricing.overrides.fargate.spotLaunchFailureRate, your estimate): such tasks wait and are retried every {SpotRetrySeconds} s, never moved to FARGATE"));
        }
    }

    /// <summary>
    /// Each minute, every autoscaled service's datapoints for the minute that just ended, then its policies on the
    /// datapoints CloudWatch has by now: scale out on the largest capacity any policy in ALARM asks for; scale in only
    /// when every target tracking policy's low alarm is in ALARM, to the largest capacity they ask for.
    /// </summary>
    protected override void OnMinute()
    {
        var minute = (int)(Now / 60) - 1;
        for (var i = 0; i < _services.Length; i++)
        {
            var s = _services[i];
            if (!s.Priced || s.Scaling is not { } scaling)
            {
                continue;
            }

            // CPUUtilization: the average over the tasks that ran in the minute, of CPU used over task CPU (never above 100%).
            var (used, taskSeconds) = TakeWindow(i);
            s.Cpu.Record(minute, taskSeconds > 0 ? used / (taskSeconds * s.Vcpu) : null, Ceil(used / 60 / (s.Vcpu * s.Target)));
            var running = Serving(i);
            var messages = Queued(i) ? QueueMessages(i) : 0;
            var queue = scaling.Queue;
            if (s.Backlog is not null && queue is not null)
            {
                s.Backlog.Record(minute, running > 0 ? messages / running : null, Ceil(messages / queue.BacklogPerTask));
            }

            var fromZero = queue?.FromZero;
            if (fromZero is not null)
            {
                // The alarm evaluates one period of 60 s (EcsStepScalingPlan.EvaluationPeriods): this minute alone.
                s.Step[minute % s.Step.Length] = (minute, messages >= fromZero.Messages && running == 0);
            }

            var cpu = s.Cpu.Evaluate(minute);
            var backlog = s.Backlog?.Evaluate(minute);
            var outTo = Math.Max(cpu.High ? cpu.Proposal : 0, backlog is { High: true } b ? b.Proposal : 0);
            var step = s.Step[(minute - TargetTrackingAlarms.MetricDelayMinutes + s.Step.Length) % s.Step.Length];
            if (outTo > s.Desired && Now - s.LastScaleOut >= scaling.ScaleOutCooldownSeconds)
            {
                Scale(i, Math.Min(outTo, scaling.Max));
                s.LastScaleOut = Now;
            }
            else if (fromZero is not null && step.Minute == minute - TargetTrackingAlarms.MetricDelayMinutes && step.Breaching
                     && Now - s.LastStep >= fromZero.CooldownSeconds && s.Desired < scaling.Max)
            {
                Scale(i, Math.Min(scaling.Max, s.Desired + fromZero.Adjustment));
                s.LastStep = Now;
            }
            else if (cpu.Low && (backlog is null || backlog.Value.Low)
                     && Now - s.LastScaleIn >= scaling.ScaleInCooldownSeconds)
            {
                var inTo = Math.Max(scaling.Min, Math.Max(cpu.Proposal, backlog?.Proposal ?? 0));
                if (inTo < s.Desired)
                {
                    Scale(i, inTo);
                    s.LastScaleIn = Now;
                }
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
            case EventKind.LaunchRetry when task.State == TaskState.Waiting:
                Place(e.Target, instant: false);
                break;
            case EventKind.SpotWarning when task.State is TaskState.Starting or TaskState.Serving:
                // SIGTERM at the warning: the task stops taking work and is stopped after its stopTimeout; the scheduler
                // launches its replacement now.
                Interruptions++;
                var s = _services[task.Service];
                if (!s.Spec.GracefulShutdown && task.Serving)
                {
                    InFlightLosses++;
                }

                task.State = TaskState.Draining;
                MarkServing(task, false);
                s.Active[task.Provider].Remove(e.Target);
                Queue.Schedule(Now + (s.Spec.GracefulShutdown ? GracefulStopTimeout : DefaultStopTimeout), new SimEvent(EventKind.SpotTerminate, e.Target));
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

    private static int Ceil(double x) => (int)Math.Min(int.MaxValue, Math.Ceiling(x - 1e-9));

    private void Scale(int service, int desired)
    {
        _services[service].Desired = desired;
        ScaleEvents++;
        Reconcile(service, instant: false);
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
                var id = _tasks.Count;
                _tasks.Add(new FargateTask(service, p));
                active.Add(id);
                Place(id, instant);
            }
        }
    }

    /// <summary>Places a task on its provider — Fargate Spot may have no capacity, and the task waits for a retry — and bills it from then.</summary>
    private void Place(int id, bool instant)
    {
        var task = _tasks[id];
        var s = _services[task.Service];
        var spot = s.Strategy[task.Provider].Provider == EcsSpec.FargateSpot;
        if (spot && !instant && _spotLaunchFailure > 0 && _spotRandom.NextDouble() < _spotLaunchFailure)
        {
            task.State = TaskState.Waiting;
            Queue.Schedule(Now + SpotRetrySeconds, new SimEvent(EventKind.LaunchRetry, id));
            return;
        }

        task.Ledger = StartBilling(s.UsdPerHour[task.Provider]);
        _running++;
        if (instant)
        {
            task.State = TaskState.Serving;
            MarkServing(task, true);
        }
        else
        {
            task.State = TaskState.Starting;
            Queue.Schedule(Now + Options.FargateStartSeconds, new SimEvent(EventKind.UnitReady, id));
        }

        if (spot && SimRandom.Exponential(_spotRandom, _spotRatePerSecond) is { } wait)
        {
            Queue.Schedule(Now + wait, new SimEvent(EventKind.SpotWarning, id));
        }
    }

    private void Stop(FargateTask task)
    {
        MarkServing(task, false);
        if (task.Ledger >= 0 && task.State != TaskState.Stopped)
        {
            StopBilling(task.Ledger);
            _running--;
        }

        task.State = TaskState.Stopped;
    }

    private void MarkServing(FargateTask task, bool serving)
    {
        if (task.Serving == serving)
        {
            return;
        }

        task.Serving = serving;
        ServingChanged(task.Service, serving ? 1 : -1);
    }
}
