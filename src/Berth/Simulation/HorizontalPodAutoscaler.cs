using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// The Kubernetes HPA on CPU, one per service (kube-controller-manager's defaults): a sync every 15 s, no change while
/// the usage ratio is within 10% of the target, otherwise ceil(demand ÷ (cpu × target)) within min/max; scale-up is
/// immediate, scale-down takes the highest recommendation of the last 300 s (the downscale stabilisation window).
/// Services without <c>scaling</c> keep their fixed replicas.
/// </summary>
internal sealed class HorizontalPodAutoscaler
{
    public const long Period = 15;
    public const double Tolerance = 0.1;
    public const long ScaleDownWindow = 300;
    private const int Window = (int)(ScaleDownWindow / Period);

    private readonly ServiceSpec[] _specs;
    private readonly double[] _vcpu;
    private readonly double[] _target;
    private readonly int[][] _recommendations;
    private readonly (double Demand, int Ready, int Pods, int Desired, int Recommendation)[] _last;
    private int _tick;

    public HorizontalPodAutoscaler(IReadOnlyList<ServiceSpec> services)
    {
        _specs = [.. services];
        _vcpu = _specs.Select(s => s.Cpu.Value / 1000.0).ToArray();
        _target = _specs.Select(DemandSource.Target).ToArray();
        _recommendations = _specs.Select(_ => new int[Window]).ToArray();
        Desired = new int[_specs.Length];
        _last = new (double, int, int, int, int)[_specs.Length];
        Array.Fill(_last, (double.NaN, -1, -1, -1, -1));
    }

    /// <summary>The replicas each service wants now.</summary>
    public int[] Desired { get; }

    /// <summary>Sets the first desired counts: what minute 0's demand needs (or the fixed replicas).</summary>
    public void Start(int service, double demand)
    {
        Desired[service] = _specs[service].Scaling is null ? _specs[service].MinReplicas : Wanted(service, demand);
        Array.Fill(_recommendations[service], Desired[service]);
    }

    /// <summary>Begins a sync: call once per period, then <see cref="Sync"/> for each service.</summary>
    public void NextTick() => _tick++;

    /// <summary>One service's sync from its ready pods and all its pods (ready, starting or pending); true when its desired count changed.</summary>
    public bool Sync(int service, double demand, int readyPods, int pods)
    {
        var scaling = _specs[service].Scaling;
        if (scaling is null)
        {
            return false;
        }

        var desired = Desired[service];
        var window = _recommendations[service];
        var last = _last[service];
        if (last.Demand == demand && last.Ready == readyPods && last.Pods == pods && last.Desired == desired && last.Recommendation == desired)
        {
            // The same inputs as the last sync, which kept the count: the same recommendation (most syncs of a quiet service).
            window[_tick % Window] = desired;
            return false;
        }

        var ratio = readyPods == 0 ? double.PositiveInfinity : demand / (readyPods * _vcpu[service]) / _target[service];
        if (ratio > 1 && pods > readyPods)
        {
            // Scaling up, pods not ready yet count as using nothing (replica_calculator.go), so a scale-up already
            // under way is not repeated while its pods start.
            ratio = demand / (pods * _vcpu[service]) / _target[service];
        }

        var recommendation = Math.Abs(ratio - 1) <= Tolerance ? desired : Wanted(service, demand);
        _last[service] = (demand, readyPods, pods, desired, recommendation);
        window[_tick % Window] = recommendation;
        if (recommendation == desired)
        {
            return false;
        }

        // Scaling down takes the highest recommendation of the window (only then is the window read).
        var next = recommendation > desired ? recommendation : Math.Min(desired, Max(window));
        if (next == desired)
        {
            return false;
        }

        Desired[service] = next;
        return true;
    }

    private int Wanted(int service, double demand)
    {
        var scaling = _specs[service].Scaling;
        var pods = (int)Math.Min(int.MaxValue, Math.Ceiling((demand / (_vcpu[service] * _target[service])) - 1e-9));
        return scaling is null ? Desired[service] : Math.Clamp(pods, scaling.Min, scaling.Max);
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
}
