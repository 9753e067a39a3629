namespace Berth.Simulation;

/// <summary>
/// Interruption rates from the Spot Instance Advisor's frequency bands (&lt;5%, 5-10%, 10-15%, 15-20%, &gt;20% a month):
/// each band's midpoint, 25% for the open-ended last one.
/// </summary>
public static class SpotInterruptions
{
    private static readonly double[] Midpoints = [0.025, 0.075, 0.125, 0.175, 0.25];

    /// <summary>AWS publishes no band for Fargate Spot; Berth assumes the 5-10% band.</summary>
    public const int FargateSpotBand = 1;

    /// <summary>The band assumed for an instance type the advisor does not list.</summary>
    public const int UnknownBand = 2;

    public const long WarningSeconds = 120;

    public static double MonthlyRate(int band) => Midpoints[Math.Clamp(band, 0, Midpoints.Length - 1)];

    public static double PerSecond(double monthlyRate, decimal hoursPerMonth) => monthlyRate / ((double)hoursPerMonth * 3600.0);
}
