namespace Berth.Simulation;

/// <summary>Seeded random sources: one independent stream per (seed, run, purpose), never the ambient generator.</summary>
public static class SimRandom
{
    public const int DemandStream = 1;
    public const int EcsSpotStream = 2;
    public const int EksSpotStream = 3;

    /// <summary>A generator for one stream; SplitMix64 mixes the three so nearby seeds give unrelated streams.</summary>
    public static Random For(int seed, int run, int stream)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)run * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)stream << 8));
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return new Random((int)(x & 0x7FFFFFFF));
    }

    /// <summary>An exponential waiting time (seconds) for a Poisson process of <paramref name="ratePerSecond"/>; null when the rate is 0.</summary>
    public static long? Exponential(Random random, double ratePerSecond)
    {
        if (ratePerSecond <= 0)
        {
            return null;
        }

        var wait = -Math.Log(1.0 - random.NextDouble()) / ratePerSecond;
        return wait >= long.MaxValue / 4 ? null : Math.Max(1, (long)Math.Ceiling(wait));
    }
}
