using Berth.Catalog;
using Berth.Spec;

namespace Berth.Generation.Ecs;

/// <summary>What the ECS module needs to know about one service, decided once from the spec.</summary>
public sealed record EcsServicePlan(
    ServiceSpec Spec,
    FargateSize Size,
    IReadOnlyList<CapacityProviderItem> Strategy,
    int? EphemeralStorageGib,
    int ListenerPriority)
{
    /// <summary>Fargate bills ephemeral storage above 20 GiB and accepts 21–200 GiB.</summary>
    public const int FreeStorageGib = 20;

    /// <summary>Fargate's longest stop timeout: the most time a SIGTERM-handling service gets to drain.</summary>
    public const int MaxStopTimeoutSeconds = 120;

    public string Name => Spec.Name;

    public string TypeName => Spec.Type switch
    {
        ServiceType.Web => "web",
        ServiceType.Backend => "backend",
        _ => "worker",
    };

    public bool Autoscaled => Spec.Scaling is not null;

    public IReadOnlyList<string> SecretNames =>
        Spec.Secrets.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<EcsServicePlan> For(BerthSpec spec, PriceCatalog catalog)
    {
        var plans = new List<EcsServicePlan>();
        var priority = 100;
        foreach (var s in spec.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var q = catalog.Fargate(spec.Region, s.Arch);
            var size = FargateSizing.Choose(catalog.FargateSizes, s.Cpu, s.Memory, q.Vcpu.UsdPerHour, q.Gb.UsdPerHour)
                ?? throw new GenerationException($"{s.Location}: service {s.Name}: {s.Cpu} CPU / {s.Memory} is larger than any Fargate task size");

            // Same rule as the cost model: Spot only for services that tolerate it, and never for ARM64
            // (Fargate Spot runs no Linux/ARM64 tasks).
            var strategy = s.Spot && s.Arch == CpuArch.X64
                ? spec.Ecs.CapacityProviderStrategy
                : [new CapacityProviderItem(EcsSpec.Fargate, 0, 1)];
            var gib = (int)Math.Ceiling(s.Storage.Bytes / (double)ByteSize.GiBBytes);
            plans.Add(new EcsServicePlan(s, size, strategy, gib > FreeStorageGib ? gib : null, s.Type == ServiceType.Web ? priority : 0));
            if (s.Type == ServiceType.Web)
            {
                priority += 10;
            }
        }

        return plans;
    }
}
