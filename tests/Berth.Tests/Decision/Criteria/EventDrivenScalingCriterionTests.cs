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
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldContain("eventDrivenScaling: true");
    }

    [Fact]
    public void A_service_with_an_event_source_favours_eks_and_is_named()
    {
        var spec = SpecBuilder.Default
            .AddService(SpecBuilder.Service("orders-worker", eventSource: new EventSourceSpec(EventSourceType.Sqs, "orders", 10)))
            .AddService(SpecBuilder.Service("scorer", eventSource: new EventSourceSpec(EventSourceType.Kafka, "transactions", 100)))
            .Build();

        var reason = _criterion.Evaluate(spec);

        reason.Favours.ShouldBe(Favours.Eks);
        reason.Weight.ShouldBe(3);
        reason.Text.ShouldContain("'orders-worker' (SQS queue 'orders'), 'scorer' (Kafka topic 'transactions')");
        reason.Text.ShouldContain("KEDA");
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
