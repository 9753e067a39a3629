using System.Globalization;
using Berth.Spec;

namespace Berth.Decision;

/// <summary>Derived facts about a spec that several criteria share.</summary>
internal static class SpecFacts
{
    /// <summary>
    /// Running pods of one service: its fixed replicas, or the midpoint of its autoscaling bounds
    /// (a steady-state estimate; the cost model simulates the real curve).
    /// </summary>
    public static double Pods(ServiceSpec service) =>
        service.Scaling is { } scaling ? (scaling.Min + scaling.Max) / 2.0 : service.Replicas ?? 1;

    public static double TotalPods(BerthSpec spec) => spec.Services.Sum(Pods);

    public static double SpotPods(BerthSpec spec) => spec.Services.Where(s => s.Spot).Sum(Pods);

    /// <summary>
    /// A pod count as users read it: a whole number ("about 140 pods", not 139.5), rounded half away from zero, since
    /// the midpoint of scaling bounds is an estimate and half a pod is not something a reader can picture.
    /// </summary>
    public static string FormatPods(double pods) =>
        Math.Round(pods, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    public static string Count(int n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural)}");

    /// <summary>Quotes up to three names and says how many more there are: 'a', 'b', 'c' and 2 more.</summary>
    public static string QuoteNames(IReadOnlyList<string> names) =>
        Abbreviate(names.Select(n => "'" + n + "'").ToArray());

    /// <summary>Joins up to three items and says how many more there are.</summary>
    public static string Abbreviate(IReadOnlyList<string> items)
    {
        const int Shown = 3;
        var joined = string.Join(", ", items.Take(Shown));
        return items.Count > Shown
            ? string.Create(CultureInfo.InvariantCulture, $"{joined} and {items.Count - Shown} more")
            : joined;
    }
}
