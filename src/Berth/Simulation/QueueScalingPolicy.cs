using Berth.Spec;

namespace Berth.Simulation;

/// <summary>
/// The ECS scaling policies Berth generates for a service with an SQS <c>eventSource</c> (issue 15), next to the CPU
/// target tracking policy every autoscaled service keeps; every parameter is here, once, until the plan carries them.
/// <list type="number">
/// <item>Target tracking on backlog per task: metric math ApproximateNumberOfMessagesVisible (SQS) ÷ RunningTaskCount
/// (ECS Container Insights), target value = <c>eventSource.targetPerReplica</c>, cooldowns 60 s out and 300 s in, alarms
/// as <see cref="TargetTrackingAlarms"/> (docs.aws.amazon.com/autoscaling/application/userguide/
/// application-auto-scaling-target-tracking-metric-math.html, "Amazon SQS queue backlog per task"). With no running task
/// the metric has no data and the policy does nothing.</item>
/// <item>When <c>scaling.min</c> is 0, a step scaling policy that starts the service from zero (target tracking cannot:
/// no tasks, no datapoints): a CloudWatch alarm on IF(messages ≥ 1 AND FILL(running tasks, 0) == 0, 1, 0) ≥ 1 for one
/// 60 s datapoint, adjustment ChangeInCapacity +1, cooldown the Application Auto Scaling default of 300 s
/// (AWS::ApplicationAutoScaling::ScalingPolicy StepScalingPolicyConfiguration, Cooldown).</item>
/// <item>The CPU target tracking policy stays: Application Auto Scaling "gives precedence to the policy that provides the
/// largest capacity for both scale out and scale in" (PutScalingPolicy API reference) and a target tracking policy scales
/// in only when every one is ready to.</item>
/// </list>
/// SQS publishes its CloudWatch metrics at one-minute intervals, delayed like ECS's (<see cref="TargetTrackingAlarms.MetricDelayMinutes"/>).
/// Kafka sources get no queue policy on ECS (CPU target tracking only; the generated README says why), but their work
/// still waits in the topic.
/// </summary>
public static class QueueScalingPolicy
{
    public const long ScaleOutCooldownSeconds = 60;
    public const long ScaleInCooldownSeconds = 300;

    /// <summary>The step alarm's datapoints (one of 60 s) and its adjustment (ChangeInCapacity).</summary>
    public const int StepDatapoints = 1;
    public const int StepAdjustment = 1;
    public const long StepCooldownSeconds = 300;

    /// <summary>The step alarm fires on one message or more.</summary>
    public const double StepMessages = 1;

    /// <summary>Whether the service gets the backlog-per-task policy: it autoscales and reads an SQS queue.</summary>
    public static bool TracksBacklog(ServiceSpec s) => s.Scaling is not null && s.EventSource is { Type: EventSourceType.Sqs };

    /// <summary>Whether the service gets the start-from-zero step policy.</summary>
    public static bool StartsFromZero(ServiceSpec s) => s.Scaling is { Min: 0 } && TracksBacklog(s);
}
