namespace Berth.Simulation;

/// <summary>
/// The two CloudWatch alarms Application Auto Scaling creates for a target tracking policy, as they see one metric:
/// the high alarm fires after <see cref="HighDatapoints"/> consecutive one-minute datapoints above the target, the low
/// alarm after <see cref="LowDatapoints"/> consecutive datapoints below <see cref="LowFraction"/> of it; a minute without
/// a datapoint (no running tasks: "a target tracking scaling policy does not perform scaling when the specified metric
/// has insufficient data", docs.aws.amazon.com/AmazonECS/latest/userguide/service-autoscaling-targettracking.html)
/// breaks the run. ECS and SQS publish their metrics at one-minute intervals (AmazonECS/latest/developerguide/
/// available-metrics.html; SQS likewise) and an alarm evaluates once a minute on complete datapoints: Berth assumes a
/// minute's datapoint is first seen <see cref="MetricDelayMinutes"/> minute after it ends (AWS publishes no figure).
/// Each datapoint carries the capacity the policy would set from it: target tracking scales in proportion to the
/// metric (application-auto-scaling-target-tracking.html: "a metric that changes inversely proportional to capacity").
/// </summary>
internal sealed class TargetTrackingAlarms
{
    public const int HighDatapoints = 3;
    public const int LowDatapoints = 15;
    public const double LowFraction = 0.9;
    public const int MetricDelayMinutes = 1;

    private const int Ring = MetricDelayMinutes + 2;

    private readonly double _target;
    private readonly int[] _minutes = Enumerable.Repeat(int.MinValue, Ring).ToArray();
    private readonly int[] _high = new int[Ring];
    private readonly int[] _low = new int[Ring];
    private readonly int[] _proposals = new int[Ring];

    public TargetTrackingAlarms(double target)
    {
        _target = target;
    }

    /// <summary>Records minute <paramref name="minute"/>'s datapoint (null: no data) and the capacity it calls for.</summary>
    public void Record(int minute, double? value, int proposal)
    {
        var slot = Slot(minute);
        var previous = Slot(minute - 1);
        var continues = _minutes[previous] == minute - 1;
        _minutes[slot] = value is null ? int.MinValue : minute;
        // How many consecutive datapoints up to this one breach each alarm's threshold (a missing one ends the run).
        _high[slot] = value > _target ? (continues ? _high[previous] : 0) + 1 : 0;
        _low[slot] = value < _target * LowFraction ? (continues ? _low[previous] : 0) + 1 : 0;
        _proposals[slot] = proposal;
    }

    /// <summary>
    /// The alarms at the end of minute <paramref name="minute"/> (its datapoint just recorded): whether the high or the
    /// low alarm is in ALARM, and the capacity the latest visible datapoint calls for.
    /// </summary>
    public (bool High, bool Low, int Proposal) Evaluate(int minute)
    {
        var latest = Slot(minute - MetricDelayMinutes);
        return _minutes[latest] != minute - MetricDelayMinutes
            ? (false, false, 0)
            : (_high[latest] >= HighDatapoints, _low[latest] >= LowDatapoints, _proposals[latest]);
    }

    private static int Slot(int minute) => ((minute % Ring) + Ring) % Ring;
}
