namespace Berth.Simulation;

/// <summary>
/// Work waiting in an SQS queue or a Kafka topic, as a fluid: it arrives at the service's demand rate (vCPU of work),
/// the consumers take it first in, first out at their capacity, and none is lost — what is not processed yet waits.
/// Exact between events (rates are constant between them). Tracks what a user of the queue feels: the backlog in
/// messages, the oldest message's age, and how long the largest backlog took to drain back to the scaler's setpoint.
/// </summary>
public sealed class QueuedWork
{
    /// <summary>
    /// Berth reads <c>eventSource.targetPerReplica</c> as AWS's "acceptable backlog per task" — the acceptable latency
    /// divided by the time one message takes (docs.aws.amazon.com/autoscaling/application/userguide/
    /// application-auto-scaling-target-tracking-metric-math.html, SQS backlog per task) — and assumes an acceptable
    /// latency of one minute: a replica at full CPU works through <c>targetPerReplica</c> messages a minute.
    /// </summary>
    public const double AcceptableLatencySeconds = 60;

    /// <summary>
    /// Cumulative arrivals at the start of each minute from <see cref="_first"/> on (index + first = minute), for the
    /// oldest message's age; minutes before the oldest waiting work are dropped.
    /// </summary>
    private readonly List<double> _arrivedAtMinute = [0];
    private int _first;
    private int _head;

    public QueuedWork(double vcpuPerReplica, int targetPerReplica)
    {
        MessageVcpuSeconds = vcpuPerReplica * AcceptableLatencySeconds / Math.Max(1, targetPerReplica);
    }

    /// <summary>The work in one message, vCPU-seconds.</summary>
    public double MessageVcpuSeconds { get; }

    /// <summary>Work waiting, vCPU-seconds.</summary>
    public double Backlog { get; private set; }

    public double Arrived { get; private set; }

    public double Processed { get; private set; }

    public double Messages => Backlog / MessageVcpuSeconds;

    public double PeakBacklog { get; private set; }

    public long PeakAt { get; private set; }

    /// <summary>Seconds from the largest backlog so far back to the scaler's setpoint; null while it has not got there.</summary>
    public long? DrainSeconds { get; private set; } = 0;

    /// <summary>The longest any message waited, sampled at minute boundaries.</summary>
    public double MaxAgeSeconds { get; private set; }

    /// <summary>
    /// Advances the queue by <paramref name="dt"/> seconds ending at <paramref name="now"/>, with arrivals at
    /// <paramref name="rate"/> and the consumers' capacity <paramref name="capacity"/> (both vCPU), and returns the work
    /// processed (the consumers' CPU use). <paramref name="drainLevel"/> is the backlog the scaler aims for (vCPU-seconds):
    /// the largest backlog counts as drained once the queue is back to it.
    /// </summary>
    public double Advance(long now, long dt, double rate, double capacity, double drainLevel)
    {
        var start = now - dt;
        var b0 = Backlog;
        double processed;
        if (b0 <= 0 && rate <= capacity)
        {
            processed = rate * dt;
        }
        else if (rate >= capacity)
        {
            processed = capacity * dt;
            Backlog = b0 + ((rate - capacity) * dt);
        }
        else
        {
            // Draining at capacity − rate until empty, then keeping up with arrivals.
            var empty = b0 / (capacity - rate);
            processed = empty >= dt ? capacity * dt : (capacity * empty) + (rate * (dt - empty));
            Backlog = empty >= dt ? b0 - ((capacity - rate) * dt) : 0;
        }

        Arrived += rate * dt;
        Processed += processed;
        if (Backlog > PeakBacklog)
        {
            PeakBacklog = Backlog;
            PeakAt = now;
            DrainSeconds = null;
        }

        if (DrainSeconds is null && Backlog <= drainLevel)
        {
            // The backlog fell linearly: the moment it crossed the setpoint.
            var crossed = b0 <= drainLevel || capacity <= rate ? start : start + (long)Math.Ceiling((b0 - drainLevel) / (capacity - rate));
            DrainSeconds = Math.Max(0, Math.Min(now, crossed) - PeakAt);
        }

        return processed;
    }

    /// <summary>Call once at each minute boundary, after advancing to it, with the minute's arrival rate.</summary>
    public void MinuteBoundary(long now, double rate)
    {
        // The oldest message's age, sampled at each minute's end (and at the horizon).
        MaxAgeSeconds = Math.Max(MaxAgeSeconds, OldestAge(now, rate));

        if (Backlog <= MessageVcpuSeconds * 1e-6)
        {
            // Nothing waits: no earlier minute can hold the oldest message.
            _first += _arrivedAtMinute.Count;
            _arrivedAtMinute.Clear();
            _head = 0;
        }

        _arrivedAtMinute.Add(Arrived);
    }

    /// <summary>
    /// Seconds the oldest waiting work has waited at <paramref name="now"/>: the time since the arrival of the work the
    /// consumers will take next (arrivals are known per minute, constant within one; <paramref name="rate"/> is this minute's).
    /// </summary>
    public double OldestAge(long now, double rate)
    {
        if (Backlog <= MessageVcpuSeconds * 1e-6)
        {
            return 0;
        }

        var p = Processed;
        var last = _arrivedAtMinute.Count - 1;
        while (_head < last && _arrivedAtMinute[_head + 1] <= p)
        {
            _head++;
        }

        if (_head > 1_024)
        {
            // Keep memory to the minutes still waiting.
            _arrivedAtMinute.RemoveRange(0, _head);
            _first += _head;
            last -= _head;
            _head = 0;
        }

        var minuteRate = _head < last ? (_arrivedAtMinute[_head + 1] - _arrivedAtMinute[_head]) / 60.0 : rate;
        var arrivedAt = ((_first + _head) * 60.0) + (minuteRate > 0 ? (p - _arrivedAtMinute[_head]) / minuteRate : 0);
        return Math.Max(0, now - arrivedAt);
    }

    /// <summary>The drain time at the horizon: still above the setpoint means the time since the peak (censored), flagged.</summary>
    public (long Seconds, bool Drained) DrainAt(long horizon) =>
        DrainSeconds is { } d ? (d, true) : (horizon - PeakAt, false);
}
