using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>
/// EKS on Fargate: every pod is its own Fargate task, sized as its requests plus 256 MB for kubelet, kube-proxy and
/// containerd, rounded up to a valid size (AWS EKS user guide, Fargate pod configuration). No Spot, no ARM.
/// </summary>
public sealed class EksFargateOption : ICostOptionBuilder
{
    public const string OptionId = "eks-fargate";

    /// <summary>Memory EKS adds to every Fargate pod for the Kubernetes components.</summary>
    public static readonly ByteSize PodOverhead = ByteSize.FromMiB(256);

    public string Id => OptionId;

    public int Order => 3;

    public CostOption? Build(CostContext c)
    {
        var lines = new List<LineItem> { LineItems.ControlPlane(c) };
        var onDemand = new List<LineItem>();
        var notes = new List<string>();
        decimal waste = 0;
        var q = c.Prices.Fargate(CpuArch.X64);
        foreach (var s in c.Spec.Services)
        {
            var memory = new ByteSize(s.Memory.Bytes + PodOverhead.Bytes);
            var size = FargateSizing.Choose(c.Prices.Catalog.FargateSizes, s.Cpu, memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
            if (size is null)
            {
                notes.Add($"{s.Name}: {s.Cpu} vCPU / {memory} with the pod overhead is larger than any Fargate pod; not priced");
                continue;
            }

            var podHours = ReplicaSchedule.Hourly(s).Sum() * c.Hours * c.Clusters / DemandProfile.HoursPerWeek;
            var unit = FargateSizing.HourlyUsd(size, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);
            var line = LineItem.Create($"{s.Name}: {FargateSizing.Describe(size)} pod{c.ClusterSuffix}", podHours, "pod-hour", unit, "compute",
                estimated: LineItems.Estimated(q.Vcpu, q.Gb), note: LineItems.Note(q.Vcpu, q.Gb));
            lines.Add(line);
            onDemand.Add(line);
            waste += podHours * FargateSizing.WastePerHour(size, s.Cpu, memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour);

            var extraGb = Math.Ceiling(s.Storage.Bytes / (decimal)ByteSize.GiBBytes) - EcsFargateOption.FreeStorageGb;
            if (extraGb > 0)
            {
                lines.Add(LineItem.Create($"{s.Name}: ephemeral storage above {EcsFargateOption.FreeStorageGb} GB{c.ClusterSuffix}",
                    extraGb * podHours, "GB-hour", q.StorageGb.UsdPerHour, "storage", estimated: q.StorageGb.Estimated, note: q.StorageGb.Note));
            }
        }

        if (c.Spec.Services.Any(s => s.Spot))
        {
            notes.Add("EKS on Fargate has no Spot: services with spot: true are priced on demand");
        }

        if (c.Spec.Services.Any(s => s.Arch == CpuArch.Arm64))
        {
            notes.Add("EKS on Fargate runs x86_64 pods only: ARM64 services are priced as x86_64");
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Eks(c.Spec, c.Clusters, nodeGroups: 0, fargateOnly: true)));
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["fargateRoundingWasteMonthlyUsd"] = Money.Cents(waste),
        };
        return new CostOption(OptionId, "eks", "EKS on Fargate", lines, notes, figures);
    }
}
