using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>
/// A pod as the scheduler sees it: its workload (an index into the pod set's services), its requests, the architecture
/// of its image, and whether it may run on Spot at all.
/// </summary>
public readonly record struct Pod(int Service, long CpuMillicores, long MemoryMiB, CpuArch Arch, bool SpotOk, long EphemeralMiB = 0, int Gpus = 0)
{
    public Resources Requests => new(CpuMillicores, MemoryMiB, 1, EphemeralMiB, Gpus);
}

/// <summary>The pods at one hour of the week; <see cref="Services"/> names each workload.</summary>
public sealed record PodSet(IReadOnlyList<string> Services, IReadOnlyList<Pod> Pods)
{
    /// <summary>A plan's pods at an hour: every replica of every workload, with the workload's requests.</summary>
    public static PodSet AtHour(KarpenterPlan plan, int hourOfWeek)
    {
        var hour = ((hourOfWeek % DemandProfile.HoursPerWeek) + DemandProfile.HoursPerWeek) % DemandProfile.HoursPerWeek;
        var pods = new List<Pod>();
        for (var i = 0; i < plan.Workloads.Count; i++)
        {
            var w = plan.Workloads[i];
            var pod = Of(i, w, PackingProblem.SpotOk(plan, w));
            for (var r = 0; r < w.HourlyReplicas[hour]; r++)
            {
                pods.Add(pod);
            }
        }

        return new PodSet(plan.Workloads.Select(w => w.Name).ToArray(), pods);
    }

    public static Pod Of(int index, WorkloadPlan w, bool spotOk) =>
        new(index, w.Requests.CpuMillicores, w.Requests.MemoryMiB, w.Service.Arch, spotOk, w.Requests.EphemeralMiB, w.Requests.Gpus);

    /// <summary>A spec's pods at an hour with only CPU, memory, architecture and Spot tolerance (one pool, no other constraints).</summary>
    public static PodSet AtHour(BerthSpec spec, int hourOfWeek)
    {
        var hour = ((hourOfWeek % DemandProfile.HoursPerWeek) + DemandProfile.HoursPerWeek) % DemandProfile.HoursPerWeek;
        var pods = new List<Pod>();
        for (var i = 0; i < spec.Services.Count; i++)
        {
            var s = spec.Services[i];
            var replicas = ReplicaSchedule.Hourly(s)[hour];
            var pod = new Pod(i, s.Cpu.Value, (long)Math.Ceiling(s.Memory.MiB), s.Arch, s.Spot);
            for (var r = 0; r < replicas; r++)
            {
                pods.Add(pod);
            }
        }

        return new PodSet(spec.Services.Select(s => s.Name).ToArray(), pods);
    }

    /// <summary>The hour of the week with the most requested CPU: what `berth pack` shows by default.</summary>
    public static int PeakHour(BerthSpec spec) => ReplicaSchedule.PeakHour(spec);
}
