namespace Berth.Simulation;

/// <summary>
/// The KEDA ScaledObject Berth generates for an event-sourced service on EKS (Generation/Eks/K8sManifests.cs
/// <c>ScaledObject</c>): one trigger — <c>aws-sqs-queue</c> with <c>queueLength</c> = targetPerReplica, or <c>kafka</c>
/// with <c>lagThreshold</c> = targetPerReplica — <c>minReplicaCount</c> = scaling.min, <c>maxReplicaCount</c> =
/// scaling.max, <c>cooldownPeriod</c> 300, everything else KEDA's default (keda.sh/docs/latest/reference/scaledobject-spec).
/// KEDA itself moves the Deployment between zero and one replica; above that it feeds the queue length to an HPA it
/// creates (an External metric with an AverageValue target per replica, no <c>behavior</c>, minReplicas at least 1).
/// The parameters live here, in one place, until the plan carries them.
/// </summary>
public static class KedaScaledObject
{
    /// <summary><c>pollingInterval</c> default: how often KEDA checks the trigger for activation and deactivation.</summary>
    public const long PollingIntervalSeconds = 30;

    /// <summary><c>cooldownPeriod</c> as generated: after the trigger was last active, KEDA waits this long before scaling to zero.</summary>
    public const long CooldownPeriodSeconds = 300;

    /// <summary>
    /// <c>activationQueueLength</c> / <c>activationLagThreshold</c> default: the trigger is active above this many
    /// messages (so one message wakes a Deployment at zero).
    /// </summary>
    public const double ActivationThreshold = 0;

    /// <summary>
    /// KEDA's kafka scaler, with <c>allowIdleConsumers</c> false (its default), caps the lag it reports at partitions ×
    /// lagThreshold, so the HPA never asks for more consumers than the topic has partitions (keda.sh/docs/latest/scalers/apache-kafka).
    /// </summary>
    public static double ReportedLag(double lag, int partitions, int lagThreshold) => Math.Min(lag, (double)partitions * lagThreshold);

    /// <summary>The HPA KEDA creates: minReplicas is minReplicaCount, but at least 1 (KEDA itself handles zero).</summary>
    public static int HpaMinReplicas(int minReplicaCount) => Math.Max(1, minReplicaCount);

    /// <summary>Scaling from zero, KEDA sets the Deployment to minReplicaCount, or 1 when that is 0.</summary>
    public static int ActivationReplicas(int minReplicaCount) => Math.Max(1, minReplicaCount);
}
