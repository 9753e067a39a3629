using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>
/// DOMAIN §2 q4, re-weighed with DOMAIN §6: ECS Service Auto Scaling is not only CPU and memory. Application Auto
/// Scaling target tracking accepts customized CloudWatch metrics and metric math, and AWS documents scaling a
/// service on SQS backlog per task (docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html;
/// docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).
/// So SQS-driven services are possible on ECS with more work (a backlog-per-task metric to publish or compute) and
/// only lean to KEDA, whose SQS scaler does it out of the box; Kafka consumer lag has no CloudWatch metric ECS can
/// track without a custom publisher, and an unspecified set of event sources is where KEDA's dozens of scalers pay.
/// </summary>
public sealed class EventDrivenScalingCriterion : ICriterion
{
    /// <summary>Kafka lag or event sources not yet named: KEDA is the practical path.</summary>
    public const int KafkaWeight = 3;

    /// <summary>Event-driven scaling required without naming the sources: KEDA's breadth is the likely need.</summary>
    public const int UnspecifiedWeight = 2;

    /// <summary>SQS only: ECS target tracking on backlog per task works, KEDA saves the metric plumbing.</summary>
    public const int SqsOnlyWeight = 1;

    public string Id => "event-driven-scaling";

    public Reason Evaluate(BerthSpec spec, CostReport? costs = null)
    {
        var driven = spec.Services.Where(s => s.EventSource is not null).ToList();
        var kafka = driven.Where(s => s.EventSource!.Type == EventSourceType.Kafka).ToList();
        if (kafka.Count > 0)
        {
            return Reason.Eks(Id, KafkaWeight, Invariant(
                $"Event-driven scaling on Kafka consumer lag for {Describe(kafka)}: KEDA scales on lag natively; ECS Service Auto Scaling would need a lag metric published to CloudWatch for each consumer group."));
        }

        if (driven.Count > 0)
        {
            return Reason.Eks(Id, SqsOnlyWeight, Invariant(
                $"Event-driven scaling on SQS for {Describe(driven)}: ECS Service Auto Scaling can target-track a custom backlog-per-task metric (AWS's documented pattern), but KEDA's SQS scaler does it with less work."));
        }

        return spec.Requirements.EventDrivenScaling
            ? Reason.Eks(Id, UnspecifiedWeight, "Event-driven scaling required (eventDrivenScaling: true) without a service's eventSource: KEDA covers dozens of event sources; ECS scales on SQS backlog through custom CloudWatch metrics but each other source needs its own metric.")
            : Reason.Neutral(Id, "No event-driven scaling (eventDrivenScaling: false, no service with an eventSource): CPU and memory target tracking works on both platforms.");
    }

    private static string Describe(IReadOnlyList<ServiceSpec> services) =>
        SpecFacts.Abbreviate(services.Select(s => Invariant($"'{s.Name}' ({Describe(s.EventSource)})")).ToArray());

    private static string Describe(EventSourceSpec? source) => source switch
    {
        { Type: EventSourceType.Sqs } => "SQS queue '" + source.Name + "'",
        { Type: EventSourceType.Kafka } => "Kafka topic '" + source.Name + "'",
        _ => "an event source",
    };
}
