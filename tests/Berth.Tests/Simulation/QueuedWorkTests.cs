using Berth.Simulation;

namespace Berth.Tests.Simulation;

public sealed class QueuedWorkTests
{
    // 1 vCPU replicas, 60 messages per replica: a message is one vCPU-second (a minute of work per replica is 60 of them).
    private static QueuedWork Queue() => new(1, 60);

    [Fact]
    public void Work_beyond_capacity_waits_and_is_processed_later_with_nothing_lost()
    {
        var q = Queue();
        var processed = 0.0;
        // Two minutes of 3 vCPU of work on 2 vCPU of consumers, then two minutes on 4 vCPU.
        processed += q.Advance(60, 60, 3, 2, 120);
        q.MinuteBoundary(60, 3);
        processed += q.Advance(120, 60, 3, 2, 120);
        q.MinuteBoundary(120, 3);

        q.Backlog.ShouldBe(120, 1e-9);
        q.Messages.ShouldBe(120, 1e-9);
        q.PeakBacklog.ShouldBe(120, 1e-9);
        q.OldestAge(120, 3).ShouldBe(40, 1e-9); // 240 processed of 360 arrived: the oldest waiting arrived at 80 s

        processed += q.Advance(180, 60, 3, 4, 240);
        q.MinuteBoundary(180, 3);
        processed += q.Advance(240, 60, 3, 4, 240);

        q.Backlog.ShouldBe(0, 1e-9);
        q.Arrived.ShouldBe(720, 1e-9);
        processed.ShouldBe(q.Arrived - q.Backlog, 1e-9);
        q.Processed.ShouldBe(processed, 1e-9);
        // The peak (120 at 120 s) fell to the setpoint (4 vCPU × 60 s = 240) at once: drained immediately.
        q.DrainAt(240).ShouldBe((0, true));
    }

    [Fact]
    public void Drain_time_runs_from_the_peak_to_the_setpoint_and_is_exact_between_events()
    {
        var q = Queue();
        q.Advance(600, 600, 1, 0, 0); // ten minutes with no consumer: 600 vCPU-seconds wait
        q.MinuteBoundary(600, 1);
        q.PeakBacklog.ShouldBe(600);
        q.DrainSeconds.ShouldBeNull();

        // Then 3 vCPU of consumers drain 2 vCPU-seconds a second down to the setpoint of 1 replica's minute (60): 270 s.
        q.Advance(1200, 600, 1, 3, 60);

        q.DrainSeconds.ShouldBe(270);
        q.Backlog.ShouldBe(0, 1e-9);
        q.MaxAgeSeconds.ShouldBe(600); // sampled at the minute's end: the first work, waiting since 0 s
    }

    [Fact]
    public void A_backlog_never_drained_by_the_horizon_is_reported_as_such()
    {
        var q = Queue();
        q.Advance(60, 60, 2, 1, 30);

        q.DrainAt(60).ShouldBe((0, false)); // still above its setpoint: the time runs from the peak, which is now
        q.Messages.ShouldBe(60, 1e-9);
    }

    [Fact]
    public void The_oldest_message_is_found_across_minutes_of_different_rates()
    {
        var q = Queue();
        q.Advance(60, 60, 1, 0, 0); // 60 arrive in minute 0
        q.MinuteBoundary(60, 1);
        q.Advance(120, 60, 3, 0, 0); // 180 arrive in minute 1
        q.MinuteBoundary(120, 3);
        q.Advance(150, 30, 0, 4, 0); // 120 processed: all of minute 0 and 60 of minute 1's 180

        // The next to go arrived 20 s into minute 1 (60 of its 180 at 3 a second): it has waited 150 − 80 = 70 s.
        q.OldestAge(150, 0).ShouldBe(70, 1e-9);
    }
}
