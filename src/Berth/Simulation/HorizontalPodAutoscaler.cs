using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// The autoscalers of one EKS option, one per service, as kube-controller-manager runs them
/// (kubernetes pkg/controller/podautoscaler horizontal.go and replica_calculator.go):
/// <list type="bullet">
/// <item>a CPU HPA (the generated HorizontalPodAutoscaler, with <c>behavior</c>): every 15 s it reads each ready pod's
/// CPU over the last metrics-server window — capped at 100% of the request, since the generated limit equals the request —
/// and proposes ceil(ready × utilisation ÷ target) unless that ratio is within 10% of 1 (pending pods are ignored, as
/// <c>groupPods</c> does); scale-down takes the highest proposal of the last 300 s; scale-up is limited per 15 s to the
/// larger of +4 pods and +100% (the defaults <c>GenerateHPAScaleUpRules</c> fills in);</item>
/// <item>KEDA (event-sourced services, see <see cref="KedaScaledObject"/>): every 30 s KEDA activates a Deployment at
/// zero when messages wait and scales it to zero after the cooldown; above zero its HPA (no <c>behavior</c>, so the
/// legacy rules) proposes ceil(messages ÷ target per replica) unless within 10% of the current pods, keeps the highest
/// proposal of the last 300 s, and grows at most to max(2 × current, 4) per sync.</item>
/// </list>
/// Services without <c>scaling</c> keep their fixed replicas. Memory targets are not simulated (no memory demand).
/// </summary>
internal sealed class HorizontalPodAutoscaler
{
    /// <summary>kube-controller-manager <c>--horizontal-pod-autoscaler-sync-period</c> default.</summary>
    public const long Period = 15;

    /// <summary>metrics-server <c>--metric-resolution</c> in its release manifests (kubernetes PR 117121): the CPU window the HPA sees.</summary>
    public const long MetricsResolution = 15;

    /// <summary><c>--horizontal-pod-autoscaler-tolerance</c> default.</summary>
    public const double Tolerance = 0.1;

    /// <summary>Generated <c>behavior.scaleDown.stabilizationWindowSeconds</c>, and <c>--horizontal-pod-autoscaler-downscale-stabilization</c> for KEDA's HPA.</summary>
    public const long ScaleDownWindow = 300;

    /// <summary>Default scale-up policies (pkg/apis/autoscaling/v2/defaults.go): 4 pods or 100% per 15 s, the larger.</summary>
    public const int ScaleUpPods = 4;

    /// <summary>Legacy scale-up limit without <c>behavior</c> (horizontal.go <c>calculateScaleUpLimit</c>): max(2 × current, 4).</summary>
    public const int LegacyScaleUpMinimum = 4;

    private const int Window = (int)(ScaleDownWindow / Period) + 1;

    private enum Kind
    {
        Fixed,
        Cpu,
        Keda,
    }

    private readonly Kind[] _kind;
    private readonly int[] _min;
    private readonly int[] _max;
    private readonly int[] _kedaMin;
    private readonly int[] _targetPerReplica;
    private readonly int[] _partitions;
    private readonly double[] _vcpu;
    private readonly double[] _target;
    private readonly Recommendations[] _recommendations;
    private readonly long[] _lastActive;
    private readonly (double Ratio, int Ready, int Current, int Proposal)[] _lastCpu;
    private long _tick;

    public HorizontalPodAutoscaler(IReadOnlyList<ServiceSpec> services)
    {
        var n = services.Count;
        _kind = services.Select(s => s.Scaling is null ? Kind.Fixed : s.EventSource is null ? Kind.Cpu : Kind.Keda).ToArray();
        _kedaMin = services.Select(s => s.MinReplicas).ToArray();
        _min = services.Select(s => s.EventSource is null ? s.MinReplicas : KedaScaledObject.HpaMinReplicas(s.MinReplicas)).ToArray();
        _max = services.Select(s => Math.Max(s.MaxReplicas, s.MinReplicas)).ToArray();
        _targetPerReplica = services.Select(s => s.EventSource?.TargetPerReplica ?? 1).ToArray();
        _partitions = services.Select(OptionSimulation.MaxConsumers).ToArray();
        _vcpu = services.Select(s => s.Cpu.Value / 1000.0).ToArray();
        _target = services.Select(DemandSource.Target).ToArray();
        _recommendations = services.Select(_ => new Recommendations()).ToArray();
        _lastActive = new long[n];
        _lastCpu = new (double, int, int, int)[n];
        Array.Fill(_lastCpu, (double.NaN, -1, -1, -1));
        Desired = new int[n];
        CpuScaled = Enumerable.Range(0, n).Where(i => _kind[i] == Kind.Cpu).ToArray();
        QueueScaled = Enumerable.Range(0, n).Where(i => _kind[i] == Kind.Keda).ToArray();
    }

    /// <summary>The replicas each service's Deployment asks for now (spec.replicas).</summary>
    public int[] Desired { get; }

    /// <summary>The services a CPU HPA scales (the caller passes their CPU window to <see cref="SyncCpu"/>).</summary>
    public int[] CpuScaled { get; }

    /// <summary>The services KEDA scales on their queue (<see cref="SyncKeda"/>).</summary>
    public int[] QueueScaled { get; }

    /// <summary>Sets the first desired counts: what minute 0's demand needs at the CPU target (or the fixed replicas).</summary>
    public void Start(int service, double demand)
    {
        Desired[service] = _kind[service] == Kind.Fixed
            ? _min[service]
            : Math.Clamp((int)Math.Min(int.MaxValue, Math.Ceiling((demand / (_vcpu[service] * _target[service])) - 1e-9)), _kedaMin[service], _max[service]);
    }

    /// <summary>Begins a sync: call once per period, then sync each service.</summary>
    public void NextTick() => _tick++;

    /// <summary>
    /// The CPU HPA's sync from the last window's CPU use and ready-pod time and the ready pods now; true when the
    /// desired count changed.
    /// </summary>
    public bool SyncCpu(int service, double usedVcpuSeconds, double readySeconds, int readyPods)
    {
        if (readySeconds <= 0 || readyPods == 0)
        {
            // No metrics for any ready pod: replica_calculator returns an error and the HPA leaves the count alone.
            return false;
        }

        var current = Desired[service];
        var ratio = usedVcpuSeconds / (readySeconds * _vcpu[service]) / _target[service];
        var last = _lastCpu[service];
        if (Math.Abs(ratio - last.Ratio) <= 1e-12 * ratio && last.Ready == readyPods && last.Current == current && last.Proposal >= current)
        {
            // The inputs of the last sync, which kept the count without looking back: the same proposal, the same count.
            _recommendations[service].Record(_tick, last.Proposal);
            return false;
        }

        var proposal = Math.Abs(ratio - 1) <= Tolerance ? current : Ceil(ratio * readyPods);
        var recommendation = Stabilise(service, proposal, current, downOnly: true);
        int next;
        if (recommendation > current)
        {
            // GenerateHPAScaleUpRules: Pods 4 and Percent 100 per 15 s, selectPolicy Max; the last sync's change is exactly
            // one period old, so it no longer counts against this period.
            var limit = Math.Max(current + ScaleUpPods, current * 2);
            next = Math.Min(recommendation, Math.Min(_max[service], limit));
        }
        else
        {
            // The default scale-down policy (100% per 15 s) does not bind: only minReplicas does.
            next = Math.Max(recommendation, _min[service]);
        }

        _lastCpu[service] = next == current ? (ratio, readyPods, current, proposal) : (double.NaN, -1, -1, -1);
        return Apply(service, next);
    }

    /// <summary>
    /// KEDA's poll (when <paramref name="poll"/>: every <see cref="KedaScaledObject.PollingIntervalSeconds"/>) and its
    /// HPA's sync, from the messages waiting and the pods that exist (status.replicas, pending ones included).
    /// </summary>
    public bool SyncKeda(int service, long now, double messages, int pods, bool poll)
    {
        var current = Desired[service];
        if (poll)
        {
            if (messages > KedaScaledObject.ActivationThreshold)
            {
                _lastActive[service] = now;
                if (current == 0)
                {
                    return Apply(service, KedaScaledObject.ActivationReplicas(_kedaMin[service]));
                }
            }
            else if (current > 0 && _kedaMin[service] == 0 && now - _lastActive[service] >= KedaScaledObject.CooldownPeriodSeconds)
            {
                return Apply(service, 0);
            }
        }

        if (current == 0 || pods == 0)
        {
            // The HPA does not scale a target at zero replicas.
            return false;
        }

        var target = _targetPerReplica[service];
        var total = KedaScaledObject.ReportedLag(messages, _partitions[service], target);
        // GetExternalPerPodMetricReplicas: within tolerance of the pods that exist, keep them; otherwise ceil(total ÷ target).
        var ratio = total / ((double)target * pods);
        var proposal = Math.Abs(ratio - 1) <= Tolerance ? pods : Ceil(total / target);
        var recommendation = Stabilise(service, proposal, current, downOnly: false);
        // Without behavior: convertDesiredReplicasWithRules clamps to [max(minReplicas, 1), min(maxReplicas, max(2 × current, 4))].
        var next = Math.Clamp(recommendation, Math.Max(1, _min[service]), Math.Min(_max[service], Math.Max(2 * current, LegacyScaleUpMinimum)));
        return Apply(service, next);
    }

    /// <summary>
    /// Records the proposal and returns the stabilised recommendation: the highest proposal of the last 300 s — for a
    /// scale-down only when the HPA has <c>behavior</c> (scale-up window 0), in both directions without it.
    /// </summary>
    private int Stabilise(int service, int proposal, int current, bool downOnly)
    {
        var recs = _recommendations[service];
        var recommendation = !downOnly || proposal < current ? Math.Max(proposal, recs.Max(_tick - (Window - 1))) : proposal;
        recs.Record(_tick, proposal);
        return recommendation;
    }

    /// <summary>
    /// One service's recommendations of the last <see cref="ScaleDownWindow"/>, kept as a monotonic queue (each value
    /// larger than every later one), so recording and reading a window's maximum take constant time on average.
    /// </summary>
    private sealed class Recommendations
    {
        private readonly long[] _tick = new long[Window + 1];
        private readonly int[] _value = new int[Window + 1];
        private int _front;
        private int _count;

        public void Record(long tick, int value)
        {
            var size = _tick.Length;
            if (_count > 0)
            {
                var back = Wrap(_front + _count - 1, size);
                if (_value[back] == value)
                {
                    // The same recommendation again (a steady service, most syncs): it replaces the back one, which it
                    // outlives; every earlier one is higher, so nothing else would be dropped.
                    _tick[back] = tick;
                    return;
                }

                // A later recommendation at least as high outlives an earlier one in every window: drop those.
                while (_count > 0 && _value[back] <= value)
                {
                    _count--;
                    back = back == 0 ? size - 1 : back - 1;
                }
            }

            if (_count == size)
            {
                _front = Wrap(_front + 1, size);
                _count--;
            }

            var at = Wrap(_front + _count, size);
            _tick[at] = tick;
            _value[at] = value;
            _count++;
        }

        /// <summary>The highest value recorded at or after <paramref name="since"/>; int.MinValue if none.</summary>
        public int Max(long since)
        {
            while (_count > 0 && _tick[_front] < since)
            {
                _front = Wrap(_front + 1, _tick.Length);
                _count--;
            }

            return _count > 0 ? _value[_front] : int.MinValue;
        }

        /// <summary>An index into the ring: <paramref name="i"/> is below twice its size, so a subtraction replaces a division.</summary>
        private static int Wrap(int i, int size) => i >= size ? i - size : i;
    }

    private bool Apply(int service, int next)
    {
        if (next == Desired[service])
        {
            return false;
        }

        Desired[service] = next;
        return true;
    }

    private static int Ceil(double x) => (int)Math.Min(int.MaxValue, Math.Ceiling(x - 1e-9));
}
