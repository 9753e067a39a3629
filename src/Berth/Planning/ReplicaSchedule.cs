using System.Globalization;
using Berth.Spec;

namespace Berth.Planning;

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

    /// <summary>The hour of the week with the most requested CPU (the first, when several tie).</summary>
    public static int PeakHour(BerthSpec spec)
    {
        var best = 0;
        long bestCpu = -1;
        var hourly = spec.Services.Select(Hourly).ToArray();
        for (var h = 0; h < DemandProfile.HoursPerWeek; h++)
        {
            long cpu = 0;
            for (var i = 0; i < hourly.Length; i++)
            {
                cpu += hourly[i][h] * spec.Services[i].Cpu.Value;
            }

            if (cpu > bestCpu)
            {
                best = h;
                bestCpu = cpu;
            }
        }

        return best;
    }

    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>An hour of the week (0 = Monday 00:00) as "Mon 08:00".</summary>
    public static string HourOfWeek(int hour) => string.Create(CultureInfo.InvariantCulture, $"{Days[hour / 24]} {hour % 24:00}:00");
}
