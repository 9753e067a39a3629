using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision.Criteria;

/// <summary>DOMAIN §2 q4: CPU/memory autoscaling works on both; event-driven scaling (SQS depth, Kafka lag) → EKS + KEDA.</summary>
public sealed class EventDrivenScalingCriterion : ICriterion
{
    public string Id => "event-driven-scaling";

    public Reason Evaluate(BerthSpec spec)
    {
        var sources = spec.Services
            .Where(s => s.EventSource is not null)
            .Select(s => Invariant($"'{s.Name}' ({Describe(s.EventSource)})"))
            .ToList();
        if (sources.Count > 0)
        {
            return Reason.Eks(Id, 3, Invariant(
                $"Event-driven scaling for {SpecFacts.Abbreviate(sources)}: KEDA scales on queue depth and consumer lag, ECS Service Auto Scaling only on CPU and memory."));
        }

        return spec.Requirements.EventDrivenScaling
            ? Reason.Eks(Id, 3, "Event-driven scaling required (eventDrivenScaling: true): KEDA scales on queue depth and consumer lag, ECS Service Auto Scaling only on CPU and memory.")
            : Reason.Neutral(Id, "No event-driven scaling (eventDrivenScaling: false, no service with an eventSource): CPU and memory target tracking works on both platforms.");
    }

    private static string Describe(EventSourceSpec? source) => source switch
    {
        { Type: EventSourceType.Sqs } => "SQS queue '" + source.Name + "'",
        { Type: EventSourceType.Kafka } => "Kafka topic '" + source.Name + "'",
        _ => "an event source",
    };
}
