namespace Berth.Spec;

/// <summary>
/// The largest platform Berth plans, checked by <c>berth validate</c> (and every command that reads a spec): beyond it
/// packing and minute-by-minute simulation stop finishing in seconds. Stated in the README ("Limits") and measured at
/// the limit by bench/Berth.Bench/ScaleLimitBenchmarks.cs. A platform larger than this is several platforms: split
/// it into one spec per platform (or per team).
/// </summary>
public static class SpecLimits
{
    /// <summary>Services after <c>count</c> expansion: ten times the 33-service example platform and more.</summary>
    public const int MaxServices = 500;

    /// <summary>Replicas at peak, summed over services (each service's <c>replicas</c>, or <c>scaling.max</c>):
    /// about 2,500 m5.xlarge-sized nodes of small pods.</summary>
    public const int MaxPeakReplicas = 10_000;

    /// <summary>Clients of a multi-client product: one platform instance (and one generated module instance) each.</summary>
    public const int MaxClients = 200;
}
