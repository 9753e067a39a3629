using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// The scaling policies of an ECS service that consumes an SQS queue (<c>eventSource.type: sqs</c>), beside the CPU and
/// memory target tracking every autoscaled service keeps. Application Auto Scaling "gives precedence to the policy that
/// provides the largest capacity for both scale out and scale in" (PutScalingPolicy API reference): the queue scales the
/// service out, and it scales in only when every target tracking policy is ready to.
/// <list type="number">
/// <item>Target tracking on backlog per task: metric math ApproximateNumberOfMessagesVisible (AWS/SQS) ÷ RunningTaskCount
/// (ECS/ContainerInsights), target value <see cref="BacklogPerTask"/> = <c>eventSource.targetPerReplica</c>, with the
/// service's cooldowns (docs.aws.amazon.com/autoscaling/application/userguide/
/// application-auto-scaling-target-tracking-metric-math.html, "Amazon SQS queue backlog per task"). With no running task
/// the division has no datapoint and the policy does nothing.</item>
/// <item><see cref="FromZero"/> when <c>scaling.min</c> is 0: target tracking cannot start a service that runs no task,
/// so a step scaling policy does (application-auto-scaling-step-scaling-policies.html), on a CloudWatch alarm over
/// ApproximateNumberOfMessagesVisible.</item>
/// </list>
/// Kafka sources get no queue policy on ECS: consumer lag is not a CloudWatch metric without an exporter Berth does not
/// generate (the generated README says so), so they scale on CPU.
/// </summary>
public sealed record EcsQueueScalingPlan(string QueueName, int BacklogPerTask, EcsStepScalingPlan? FromZero)
{
    /// <summary>The SQS metrics' period: SQS publishes them at one-minute intervals (SQS developer guide, available CloudWatch metrics).</summary>
    public const int MetricPeriodSeconds = 60;

    /// <summary>The queue policies of <paramref name="service"/>, or null when it does not autoscale on an SQS queue.</summary>
    public static EcsQueueScalingPlan? For(ServiceSpec service) =>
        service is { Scaling: { } scaling, EventSource: { Type: EventSourceType.Sqs } source }
            ? new EcsQueueScalingPlan(source.Name, source.TargetPerReplica, scaling.Min == 0 ? EcsStepScalingPlan.StartFromZero : null)
            : null;
}

/// <summary>
/// A step scaling policy that starts a service from zero: its CloudWatch alarm goes to ALARM when the queue holds at
/// least <see cref="Messages"/> visible messages for <see cref="EvaluationPeriods"/> period of
/// <see cref="EcsQueueScalingPlan.MetricPeriodSeconds"/> while no task runs (metric math
/// IF(messages ≥ threshold AND FILL(running, 0) == 0, 1, 0), so a running service is left to target tracking), and the
/// policy adds <see cref="Adjustment"/> task(s) (ChangeInCapacity), then waits <see cref="CooldownSeconds"/>
/// (StepScalingPolicyConfiguration.Cooldown; Application Auto Scaling's default of 300 s).
/// </summary>
public sealed record EcsStepScalingPlan(int Messages, int Adjustment, int CooldownSeconds)
{
    /// <summary>One period: the first message starts a task within about a minute of being seen.</summary>
    public const int EvaluationPeriods = 1;

    public static readonly EcsStepScalingPlan StartFromZero = new(Messages: 1, Adjustment: 1, CooldownSeconds: 300);
}
