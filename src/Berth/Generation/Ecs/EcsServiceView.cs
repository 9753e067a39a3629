using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Generation.Ecs;

/// <summary>
/// One planned ECS service as the module renders it: the plan's task size, capacity provider strategy and storage,
/// and what only the rendering needs (the ALB listener rule's priority).
/// </summary>
public sealed record EcsServiceView(EcsServicePlan Planned, FargateTask Task, int ListenerPriority)
{
    /// <summary>Fargate bills ephemeral storage above 20 GiB and accepts 21–200 GiB.</summary>
    public const int FreeStorageGib = FargatePricing.FreeStorageGb;

    /// <summary>Fargate's longest stop timeout: the most time a SIGTERM-handling service gets to drain.</summary>
    public const int MaxStopTimeoutSeconds = 120;

    /// <summary>ECS's stopTimeout when a container sets none (ContainerDefinition.stopTimeout: 30 s on Fargate).</summary>
    public const int DefaultStopTimeoutSeconds = 30;

    public ServiceSpec Spec => Planned.Service;

    /// <summary>
    /// The application container's stopTimeout: Fargate's longest for a service that drains on SIGTERM or runs on
    /// Fargate Spot, whose two-minute warning is a SIGTERM (AmazonECS/latest/developerguide/fargate-capacity-providers.html);
    /// otherwise ECS's default.
    /// </summary>
    public int AppStopTimeoutSeconds => Spec.GracefulShutdown || Planned.UsesSpot ? MaxStopTimeoutSeconds : DefaultStopTimeoutSeconds;

    /// <summary>
    /// The FireLens log router's stopTimeout: on Fargate Spot as long as the application's, so it keeps shipping the
    /// application's last logs until the task stops (it stops after the containers that depend on it).
    /// </summary>
    public int LogRouterStopTimeoutSeconds => Planned.UsesSpot ? MaxStopTimeoutSeconds : DefaultStopTimeoutSeconds;

    public FargateSize Size => Task.Size;

    public IReadOnlyList<CapacityProviderItem> Strategy => Planned.Strategy;

    /// <summary>The task's ephemeral storage when it is more than Fargate's free 20 GiB.</summary>
    public int? EphemeralStorageGib => Task.ExtraStorageGb > 0 ? FreeStorageGib + Task.ExtraStorageGb : null;

    public string Name => Spec.Name;

    public string TypeName => Spec.Type switch
    {
        ServiceType.Web => "web",
        ServiceType.Backend => "backend",
        _ => "worker",
    };

    public bool Autoscaled => Planned.Scaling is not null;

    public EcsScalingPlan? Scaling => Planned.Scaling;

    public IReadOnlyList<string> SecretNames =>
        Spec.Secrets.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The plan's services in name order; a plan that cannot run on Fargate cannot be generated, and says why.</summary>
    public static IReadOnlyList<EcsServiceView> For(EcsFargatePlan plan)
    {
        if (!plan.Feasible)
        {
            throw new GenerationException("ECS on Fargate cannot run this spec: " + string.Join("; ", plan.Infeasible));
        }

        var views = new List<EcsServiceView>();
        var priority = 100;
        foreach (var p in plan.Services.OrderBy(s => s.Service.Name, StringComparer.Ordinal))
        {
            views.Add(new EcsServiceView(p, p.Task!, p.Service.Type == ServiceType.Web ? priority : 0));
            if (p.Service.Type == ServiceType.Web)
            {
                priority += 10;
            }
        }

        return views;
    }
}
