using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// Demand in vCPU of work per service per minute: the hourly profile interpolated linearly between hours, times
/// uniform multiplicative noise; <c>spiky</c> services get seeded bursts on top. A profile value of 1 is sized so the
/// noisiest minute just fills <c>scaling.max</c> (or the fixed replicas) at the CPU target.
/// </summary>
public sealed class DemandSource
{
    /// <summary>A spiky service starts a burst in a given minute with this probability (about every 8 hours).</summary>
    public const double BurstChancePerMinute = 1.0 / 480;

    private readonly IReadOnlyList<ServiceSpec> _services;
    private readonly Random _random;
    private readonly double _noise;
    private readonly double[] _peakVcpu;
    private readonly double[][] _hours;
    private readonly bool[] _spiky;
    private readonly int[] _burstLeft;
    private readonly double[] _burstFactor;

    public DemandSource(IReadOnlyList<ServiceSpec> services, Random random, SimulationOptions options)
    {
        _services = services;
        _random = random;
        _noise = options.Noise;
        _peakVcpu = services.Select(s => PeakVcpu(s, options)).ToArray();
        _hours = services.Select(s => s.Demand.HourOfWeek.ToArray()).ToArray();
        _spiky = services.Select(s => s.Demand.Shape == "spiky").ToArray();
        _burstLeft = new int[services.Count];
        _burstFactor = new double[services.Count];
    }

    /// <summary>The CPU target as a fraction: scaling.cpuTarget, 70% when the service does not autoscale.</summary>
    public static double Target(ServiceSpec s) => (s.Scaling?.CpuTarget ?? 70) / 100.0;

    public static double PeakVcpu(ServiceSpec s, SimulationOptions options) =>
        options.DemandScale * s.MaxReplicas * (s.Cpu.Value / 1000.0) * Target(s) / (1 + options.Noise);

    /// <summary>Fills <paramref name="demand"/> with each service's vCPU demand for minute <paramref name="minute"/>; call once per minute, in order.</summary>
    public void Next(int minute, double[] demand)
    {
        var hour = minute / 60 % DemandProfile.HoursPerWeek;
        var next = (hour + 1) % DemandProfile.HoursPerWeek;
        var fraction = (minute % 60) / 60.0;
        for (var i = 0; i < _peakVcpu.Length; i++)
        {
            var profile = _hours[i];
            var level = (profile[hour] * (1 - fraction)) + (profile[next] * fraction);
            var noise = 1 + (_noise * ((2 * _random.NextDouble()) - 1));
            var burst = 1.0;
            if (_spiky[i])
            {
                if (_burstLeft[i] == 0 && _random.NextDouble() < BurstChancePerMinute)
                {
                    _burstLeft[i] = 5 + _random.Next(16);
                    _burstFactor[i] = 1.5 + _random.NextDouble();
                }

                if (_burstLeft[i] > 0)
                {
                    burst = _burstFactor[i];
                    _burstLeft[i]--;
                }
            }

            demand[i] = Math.Max(0, _peakVcpu[i] * level * noise * burst);
        }
    }
}
