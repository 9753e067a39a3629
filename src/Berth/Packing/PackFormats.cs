using System.Globalization;
using Berth.Formatting;

namespace Berth.Packing;

/// <summary>DESIGN.md's <c>pack --format json</c> contract (pods as the scheduler sees them: requests, without DaemonSets).</summary>
public static class PackFormats
{
    public static string ModeId(PackingMode mode) => mode == PackingMode.Karpenter ? "karpenter" : "berth";

    /// <summary>An hour of the week (0 = Monday 00:00) as "Mon 08:00".</summary>
    public static string HourOfWeek(int hour) => Planning.ReplicaSchedule.HourOfWeek(hour);

    public static string ToJson(PackingResult r, int hour)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("mode", ModeId(r.Mode));
            w.WriteNumber("hour", hour);
            w.WriteStartArray("nodes");
            foreach (var n in r.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("nodePool", n.Pool);
                w.WriteString("zone", n.Zone);
                w.WriteString("instanceType", n.InstanceType);
                w.WriteString("capacityType", n.Capacity == Spec.CapacityType.Spot ? "spot" : "on-demand");
                w.WriteNumber("hourlyUsd", n.HourlyUsd);
                w.WriteStartObject("allocatable");
                w.WriteNumber("cpuMillicores", n.Allocatable.CpuMillicores);
                w.WriteNumber("memoryMiB", n.Allocatable.MemoryMiB);
                w.WriteNumber("pods", n.Allocatable.Pods);
                w.WriteNumber("ephemeralStorageMiB", n.Allocatable.EphemeralMiB);
                w.WriteNumber("gpus", n.Allocatable.Gpus);
                w.WriteEndObject();
                w.WriteStartArray("pods");
                foreach (var p in n.Pods)
                {
                    var pod = r.PodSet.Pods[p];
                    w.WriteStartObject();
                    w.WriteString("service", r.PodSet.Services[pod.Service]);
                    w.WriteNumber("cpuMillicores", pod.CpuMillicores);
                    w.WriteNumber("memoryMiB", pod.MemoryMiB);
                    if (pod.EphemeralMiB > 0)
                    {
                        w.WriteNumber("ephemeralStorageMiB", pod.EphemeralMiB);
                    }

                    if (pod.Gpus > 0)
                    {
                        w.WriteNumber("gpus", pod.Gpus);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("hourlyUsd", r.HourlyUsd);
            w.WriteNumber("lowerBoundHourlyUsd", Math.Round((decimal)r.LowerBoundHourlyUsd, 6, MidpointRounding.AwayFromZero));
            w.WriteNumber("gapToLowerBound", Math.Round((decimal)r.Gap, 4, MidpointRounding.AwayFromZero));
            w.WriteStartArray("unschedulable");
            foreach (var p in r.Unschedulable)
            {
                w.WriteStringValue(r.PodSet.Services[r.PodSet.Pods[p].Service]);
            }

            w.WriteEndArray();
            w.WriteStartArray("overLimit");
            foreach (var p in r.OverLimit)
            {
                w.WriteStringValue(r.PodSet.Services[r.PodSet.Pods[p].Service]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
