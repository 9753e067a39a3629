using Berth.Decision;
using Berth.Spec;

namespace Berth.Tests.Decision;

/// <summary>
/// DOMAIN §6: one spec per fact that changed since the guide was written, where that fact decides the answer.
/// The base leans ECS by one point: 12 services and 6 engineers (neutral), some Kubernetes expertise (EKS 1), and
/// priced plans where ECS Fargate is cheapest (cost-scale ECS 2).
/// </summary>
public class CurrentFactsTests
{
    private static SpecBuilder Base() => SpecBuilder.Default
        .WithServices(12)
        .WithTeam(engineers: 6, expertise: KubernetesExpertise.Some, owningTeams: 1, timelineMonths: 6);

    [Fact]
    public void The_base_leans_ecs_by_one_point_on_priced_costs()
    {
        var a = Priced.Assess(Base().Build());

        a.Reasons.Single(r => r.Id == "cost-scale").Favours.ShouldBe(Favours.EcsFargate);
        (a.EcsScore, a.EksScore).ShouldBe((2, 1));
        a.Recommendation.ShouldBe(Platform.EcsFargate);
    }

    [Fact]
    public void Sqs_backlog_scaling_no_longer_decides_for_eks_since_ecs_target_tracks_backlog_per_task()
    {
        // Before: "ECS Service Auto Scaling only on CPU and memory" weighed 3 and made this eks (4 vs 2).
        var sqs = Base().AddService(SpecBuilder.Service("orders-worker", eventSource: new EventSourceSpec(EventSourceType.Sqs, "orders", 10))).Build();

        var a = Priced.Assess(sqs);

        a.Reasons.Single(r => r.Id == "event-driven-scaling").Weight.ShouldBe(1);
        a.Recommendation.ShouldBe(Platform.EcsFargate);
    }

    [Fact]
    public void Kafka_lag_scaling_still_decides_for_eks()
    {
        var kafka = Base().AddService(SpecBuilder.Service("scorer", eventSource: new EventSourceSpec(EventSourceType.Kafka, "transactions", 100))).Build();

        Priced.Assess(kafka).Recommendation.ShouldBe(Platform.Eks);
    }

    [Fact]
    public void Stateful_workloads_still_decide_for_eks_though_fargate_tasks_can_attach_ebs()
    {
        var stateful = Priced.Assess(Base().WithRequirements(r => r with { StatefulWorkloads = true }).Build());

        stateful.Recommendation.ShouldBe(Platform.Eks);
        stateful.Reasons.Single(r => r.Id == "stateful-workloads").Text.ShouldContain("one EBS volume per task (since January 2024)");
    }

    [Fact]
    public void A_service_mesh_still_decides_for_eks_now_that_app_mesh_is_discontinued()
    {
        var mesh = Priced.Assess(Base().WithRequirements(r => r with { ServiceMesh = true }).Build());

        mesh.Recommendation.ShouldBe(Platform.Eks);
        mesh.Reasons.Single(r => r.Id == "service-mesh").Text.ShouldContain("App Mesh was discontinued on 2026-09-30");
    }
}
