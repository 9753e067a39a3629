using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>A pod as the scheduler sees it: its requests, the architecture of its image, and whether it tolerates Spot.</summary>
public readonly record struct Pod(int Service, long CpuMillicores, long MemoryMiB, CpuArch Arch, bool SpotOk)
{
    public Resources Requests => new(CpuMillicores, MemoryMiB, 1);
}

/// <summary>The pods of a spec at one hour of the week.</summary>
public sealed record PodSet(IReadOnlyList<string> Services, IReadOnlyList<Pod> Pods)
{
    public static PodSet AtHour(BerthSpec spec, int hourOfWeek)
    {
        var pods = new List<Pod>();
        for (var i = 0; i < spec.Services.Count; i++)
        {
            var s = spec.Services[i];
            var replicas = ReplicaSchedule.Hourly(s)[((hourOfWeek % DemandProfile.HoursPerWeek) + DemandProfile.HoursPerWeek) % DemandProfile.HoursPerWeek];
            var pod = new Pod(i, s.Cpu.Value, (long)Math.Ceiling(s.Memory.MiB), s.Arch, s.Spot);
            for (var r = 0; r < replicas; r++)
            {
                pods.Add(pod);
            }
        }

        return new PodSet(spec.Services.Select(s => s.Name).ToArray(), pods);
    }

    /// <summary>The hour of the week with the most requested CPU: what `berth pack` shows by default.</summary>
    public static int PeakHour(BerthSpec spec)
    {
        var best = 0;
        long bestCpu = -1;
        var hourly = spec.Services.Select(ReplicaSchedule.Hourly).ToArray();
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
}
