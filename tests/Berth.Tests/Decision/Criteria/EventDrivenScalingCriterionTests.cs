using Berth.Decision;
using Berth.Decision.Criteria;
using Berth.Spec;

namespace Berth.Tests.Decision.Criteria;

public class EventDrivenScalingCriterionTests
{
    private readonly EventDrivenScalingCriterion _criterion = new();

    [Fact]
    public void The_requirement_favours_eks()
    {
        var reason = _criterion.Evaluate(SpecBuilder.Default.WithRequirements(r => r with { EventDrivenScaling = true }).Build());

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(EventDrivenScalingCriterion.UnspecifiedWeight);
        reason.Text.ShouldBe("Event-driven scaling required (eventDrivenScaling: true) without a service's eventSource: KEDA covers dozens of event sources; ECS scales on SQS backlog through custom CloudWatch metrics but each other source needs its own metric.");
    }

    [Fact]
    public void Kafka_lag_favours_eks_and_names_the_consumers()
    {
        var spec = SpecBuilder.Default
            .AddService(SpecBuilder.Service("orders-worker", eventSource: new EventSourceSpec(EventSourceType.Sqs, "orders", 10)))
            .AddService(SpecBuilder.Service("scorer", eventSource: new EventSourceSpec(EventSourceType.Kafka, "transactions", 100)))
            .Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldBe("Event-driven scaling on Kafka consumer lag for 'scorer' (Kafka topic 'transactions'): KEDA scales on lag natively; ECS Service Auto Scaling would need a lag metric published to CloudWatch for each consumer group.");
    }

    [Fact]
    public void Sqs_backlog_alone_leans_to_eks_only_slightly_since_ecs_target_tracks_custom_metrics()
    {
        // DOMAIN §6: ECS target tracking on SQS backlog per task is AWS's documented pattern.
        var spec = SpecBuilder.Default
            .AddService(SpecBuilder.Service("orders-worker", eventSource: new EventSourceSpec(EventSourceType.Sqs, "orders", 10)))
            .Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(EventDrivenScalingCriterion.SqsOnlyWeight);
        reason.Text.ShouldBe("Event-driven scaling on SQS for 'orders-worker' (SQS queue 'orders'): ECS Service Auto Scaling can target-track a custom backlog-per-task metric (AWS's documented pattern), but KEDA's SQS scaler does it with less work.");
    }

    [Fact]
    public void Cpu_and_memory_scaling_only_is_neutral()
    {
        var spec = SpecBuilder.Default.AddService(SpecBuilder.Service("web", replicas: null, scaling: new ScalingSpec(2, 10, 70, 75))).Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Neutral);
        reason.Weight.ShouldBe(0);
    }
}
