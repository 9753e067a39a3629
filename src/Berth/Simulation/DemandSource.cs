using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// Demand in vCPU of work per service per minute: the hourly profile interpolated linearly between hours, times the
/// spec's scripted events (<c>simulation.events</c>), times multiplicative noise (<c>simulation.noise</c>): uniform
/// within ±amplitude and independent each minute by default, or Gaussian (standard deviation half the amplitude, clipped
/// at it) drifting with a correlation time and partly shared by every service. <c>spiky</c> services get seeded bursts
/// sized against their own scaling range: 1.5–2.5× the profile, but never above its peak value 1 (what scaling.max serves
/// at the CPU target), so a burst tests how fast each option scales rather than a ceiling they all share. A profile
/// value of 1 is sized so the noisiest minute just fills <c>scaling.max</c> (or the fixed replicas) at the CPU target.
/// </summary>
public sealed class DemandSource
{
    /// <summary>A spiky service starts a burst in a given minute with this probability (about every 8 hours).</summary>
    public const double BurstChancePerMinute = 1.0 / 480;

    private readonly Random _random;
    private readonly NoiseSpec _noise;
    private readonly bool _uniform;
    private readonly double _keep;
    private readonly double _fresh;
    private readonly double[] _peakVcpu;
    private readonly double[][] _hours;
    private readonly bool[] _spiky;
    private readonly int[] _burstLeft;
    private readonly double[] _burstFactor;
    private readonly double[] _drift;
    private readonly double[] _eventFactor;
    private readonly (int Minute, int Event, bool Starts)[] _timeline;
    private readonly bool[][] _eventApplies;
    private readonly double[] _eventMultiplier;
    private readonly bool[] _eventActive;
    private double _sharedDrift;
    private int _nextChange;

    public DemandSource(BerthSpec spec, Random random, SimulationOptions options)
    {
        var services = spec.Services;
        _random = random;
        _noise = spec.Simulation.Noise;
        _uniform = _noise.CorrelationMinutes == 0 && _noise.Shared == 0;
        // AR(1): each minute keeps e^(−1/τ) of the last value and adds fresh noise so the variance stays 1.
        _keep = _noise.CorrelationMinutes == 0 ? 0 : Math.Exp(-1.0 / _noise.CorrelationMinutes);
        _fresh = Math.Sqrt(1 - (_keep * _keep));
        _peakVcpu = services.Select(s => PeakVcpu(s, spec, options)).ToArray();
        _hours = services.Select(s => s.Demand.HourOfWeek.ToArray()).ToArray();
        _spiky = services.Select(s => s.Demand.Shape == "spiky").ToArray();
        _burstLeft = new int[services.Count];
        _burstFactor = new double[services.Count];
        _drift = new double[services.Count];
        _eventFactor = Enumerable.Repeat(1.0, services.Count).ToArray();
        var events = spec.Simulation.Events;
        _eventApplies = events.Select(e => services.Select(s => e.Applies(s.Name)).ToArray()).ToArray();
        _eventMultiplier = events.Select(e => e.Multiplier).ToArray();
        _eventActive = new bool[events.Count];
        // Events act on whole minutes: those that start inside them.
        _timeline = events.SelectMany((e, k) => new[]
            {
                ((int)((e.StartSecond + 59) / 60), k, true),
                ((int)((e.EndSecond + 59) / 60), k, false),
            })
            .OrderBy(t => t.Item1).ThenBy(t => t.Item3).ThenBy(t => t.Item2)
            .ToArray();
    }

    /// <summary>The CPU target as a fraction: scaling.cpuTarget, 70% when the service does not autoscale.</summary>
    public static double Target(ServiceSpec s) => (s.Scaling?.CpuTarget ?? 70) / 100.0;

    /// <summary>The vCPU a profile value of 1 demands: the noisiest such minute fills the largest replica count at the CPU target.</summary>
    public static double PeakVcpu(ServiceSpec s, BerthSpec spec, SimulationOptions options) =>
        options.DemandScale * s.MaxReplicas * (s.Cpu.Value / 1000.0) * Target(s) / (1 + spec.Simulation.Noise.Amplitude);

    /// <summary>Fills <paramref name="demand"/> with each service's vCPU demand for minute <paramref name="minute"/>; call once per minute, in order.</summary>
    public void Next(int minute, double[] demand)
    {
        ApplyEvents(minute);
        var hour = minute / 60 % DemandProfile.HoursPerWeek;
        var next = (hour + 1) % DemandProfile.HoursPerWeek;
        var fraction = (minute % 60) / 60.0;
        if (!_uniform)
        {
            _sharedDrift = (_keep * _sharedDrift) + (_fresh * Gaussian());
        }

        for (var i = 0; i < _peakVcpu.Length; i++)
        {
            var profile = _hours[i];
            var level = ((profile[hour] * (1 - fraction)) + (profile[next] * fraction)) * _eventFactor[i];
            var noise = _uniform ? _noise.Amplitude * ((2 * _random.NextDouble()) - 1) : Drift(i);
            if (_spiky[i])
            {
                if (_burstLeft[i] == 0 && _random.NextDouble() < BurstChancePerMinute)
                {
                    _burstLeft[i] = 5 + _random.Next(16);
                    _burstFactor[i] = 1.5 + _random.NextDouble();
                }

                if (_burstLeft[i] > 0)
                {
                    level = Math.Max(level, Math.Min(level * _burstFactor[i], 1));
                    _burstLeft[i]--;
                }
            }

            demand[i] = Math.Max(0, _peakVcpu[i] * level * (1 + noise));
        }
    }

    /// <summary>Service <paramref name="i"/>'s correlated noise this minute: its own drift mixed with the shared one, clipped at ±amplitude.</summary>
    private double Drift(int i)
    {
        _drift[i] = (_keep * _drift[i]) + (_fresh * Gaussian());
        var mixed = (Math.Sqrt(1 - _noise.Shared) * _drift[i]) + (Math.Sqrt(_noise.Shared) * _sharedDrift);
        return Math.Clamp(_noise.Amplitude / 2 * mixed, -_noise.Amplitude, _noise.Amplitude);
    }

    /// <summary>A standard normal value (Box–Muller) from the seeded stream.</summary>
    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private void ApplyEvents(int minute)
    {
        var changed = false;
        while (_nextChange < _timeline.Length && _timeline[_nextChange].Minute <= minute)
        {
            var (_, k, starts) = _timeline[_nextChange++];
            _eventActive[k] = starts;
            changed = true;
        }

        if (!changed)
        {
            return;
        }

        for (var i = 0; i < _eventFactor.Length; i++)
        {
            var factor = 1.0;
            for (var k = 0; k < _eventActive.Length; k++)
            {
                if (_eventActive[k] && _eventApplies[k][i])
                {
                    factor *= _eventMultiplier[k];
                }
            }

            _eventFactor[i] = factor;
        }
    }
}
