using Berth.Spec;

namespace Berth.Costing;

/// <summary>Replicas of a service for each hour of the week.</summary>
public static class ReplicaSchedule
{
    /// <summary>
    /// A fixed <c>replicas</c> count every hour; with autoscaling,
    /// replicas(h) = clamp(ceil(scaling.max × demand(h)), scaling.min, scaling.max).
    /// </summary>
    public static int[] Hourly(ServiceSpec service)
    {
        var hours = new int[DemandProfile.HoursPerWeek];
        for (var h = 0; h < hours.Length; h++)
        {
            hours[h] = service.Scaling is { } s
                ? Math.Clamp((int)Math.Ceiling((s.Max * service.Demand.At(h)) - 1e-9), s.Min, s.Max)
                : service.Replicas ?? 1;
        }

        return hours;
    }

    /// <summary>Average replicas over the week, the figure a month of task-hours is built from.</summary>
    public static decimal Average(IReadOnlyList<int> hourly) => hourly.Sum() / (decimal)hourly.Count;
}
