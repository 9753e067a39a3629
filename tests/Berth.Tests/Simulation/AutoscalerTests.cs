using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

/// <summary>The HPA, KEDA and target tracking rules, each against the real controller's arithmetic.</summary>
public sealed class AutoscalerTests
{
    private static HorizontalPodAutoscaler Hpa(string service) => new(Specs.With(service).Services);

    [Fact]
    public void The_hpa_proposes_ready_pods_times_the_usage_ratio_and_keeps_the_count_within_tolerance()
    {
        var hpa = Hpa("  - { name: api, cpu: 1, scaling: { min: 1, max: 50, cpuTarget: 50 } }");
        hpa.Start(0, 5); // 5 vCPU at 50%: 10 replicas
        hpa.Desired[0].ShouldBe(10);

        // 10 ready pods at 54% over the window: a ratio of 1.08, within the 10% tolerance.
        hpa.NextTick();
        hpa.SyncCpu(0, 0.54 * 10 * 15, 10 * 15, 10).ShouldBeFalse();
        // At 100% (the most a pod can use): ratio 2, ceil(10 × 2) = 20, within the +100% a sync allows.
        hpa.NextTick();
        hpa.SyncCpu(0, 10 * 15, 10 * 15, 10).ShouldBeTrue();
        hpa.Desired[0].ShouldBe(20);
    }

    [Fact]
    public void Scale_up_is_limited_to_four_pods_or_double_per_sync_and_catches_up_on_what_it_was_denied()
    {
        var hpa = Hpa("  - { name: api, cpu: 1, scaling: { min: 1, max: 100, cpuTarget: 10 } }");
        hpa.Start(0, 0.1); // one pod
        hpa.NextTick();
        hpa.SyncCpu(0, 15, 15, 1).ShouldBeTrue(); // 1 pod at 100% of a 10% target wants 10: max(1 + 4, 2 × 1) = 5
        hpa.Desired[0].ShouldBe(5);
        hpa.NextTick();
        hpa.SyncCpu(0, 5 * 15, 5 * 15, 5).ShouldBeTrue(); // wants 50: max(5 + 4, 2 × 5) = 10
        hpa.Desired[0].ShouldBe(10);

        // Even as the load falls away, the window still holds the 50 it was denied, and the HPA keeps climbing to it.
        hpa.NextTick();
        hpa.SyncCpu(0, 0.01 * 15, 10 * 15, 10).ShouldBeTrue();
        hpa.Desired[0].ShouldBe(20);
    }

    [Fact]
    public void Scale_down_waits_until_the_highest_proposal_of_the_last_five_minutes_is_lower()
    {
        var hpa = Hpa("  - { name: api, cpu: 1, scaling: { min: 1, max: 100, cpuTarget: 50 } }");
        hpa.Start(0, 5); // 10 pods
        hpa.NextTick();
        hpa.SyncCpu(0, 0.5 * 10 * 15, 10 * 15, 10).ShouldBeFalse(); // at target: proposes the 10 it has

        // The load drops to a tenth: the proposal is 1, but 10 was proposed within 300 s for the next 20 syncs.
        for (var tick = 0; tick < 20; tick++)
        {
            hpa.NextTick();
            hpa.SyncCpu(0, 0.05 * 10 * 15, 10 * 15, 10).ShouldBeFalse($"sync {tick}");
        }

        hpa.NextTick();
        hpa.SyncCpu(0, 0.05 * 10 * 15, 10 * 15, 10).ShouldBeTrue();
        hpa.Desired[0].ShouldBe(1);
    }

    [Fact]
    public void Without_ready_pods_the_hpa_has_no_metrics_and_does_nothing()
    {
        var hpa = Hpa("  - { name: api, cpu: 1, scaling: { min: 1, max: 10 } }");
        hpa.Start(0, 1);
        hpa.NextTick();

        hpa.SyncCpu(0, 0, 0, 0).ShouldBeFalse();
    }

    [Fact]
    public void Keda_wakes_a_deployment_at_zero_on_its_poll_and_returns_it_to_zero_after_the_cooldown()
    {
        var hpa = Hpa("  - { name: worker, type: worker, cpu: 1, scaling: { min: 0, max: 20 }, eventSource: { type: sqs, name: jobs, targetPerReplica: 100 } }");
        hpa.QueueScaled.ShouldBe([0]);
        hpa.Start(0, 0);
        hpa.Desired[0].ShouldBe(0);

        // Messages arrive: the HPA alone does nothing at zero; KEDA's poll (every 30 s) activates one replica.
        hpa.NextTick();
        hpa.SyncKeda(0, 15, 500, 0, poll: false).ShouldBeFalse();
        hpa.NextTick();
        hpa.SyncKeda(0, 30, 500, 0, poll: true).ShouldBeTrue();
        hpa.Desired[0].ShouldBe(1);

        // With one pod the HPA asks ceil(500 ÷ 100) = 5: the legacy limit max(2 × 1, 4) allows 4.
        hpa.NextTick();
        hpa.SyncKeda(0, 45, 500, 1, poll: false).ShouldBeTrue();
        hpa.Desired[0].ShouldBe(4);

        // The queue is empty from 60 s: last active at the 30 s poll, so the poll 300 s after that scales to zero.
        for (var t = 60; t < 330; t += 15)
        {
            hpa.NextTick();
            hpa.SyncKeda(0, t, 0, hpa.Desired[0], poll: t % 30 == 0);
            hpa.Desired[0].ShouldBeGreaterThan(0, $"at {t} s");
        }

        hpa.NextTick();
        hpa.SyncKeda(0, 330, 0, 1, poll: true).ShouldBeTrue();
        hpa.Desired[0].ShouldBe(0);
    }

    [Fact]
    public void Kedas_kafka_scaler_never_asks_for_more_consumers_than_partitions()
    {
        var hpa = Hpa("  - { name: consumer, type: worker, cpu: 1, scaling: { min: 1, max: 30 }, eventSource: { type: kafka, name: events, targetPerReplica: 100, partitions: 6 } }");
        hpa.Start(0, 0.5);
        for (var t = 15; t <= 300; t += 15)
        {
            hpa.NextTick();
            hpa.SyncKeda(0, t, 1_000_000, hpa.Desired[0], poll: t % 30 == 0);
        }

        hpa.Desired[0].ShouldBe(6);
        KedaScaledObject.ReportedLag(1_000_000, 6, 100).ShouldBe(600);
    }

    [Fact]
    public void Target_tracking_alarms_need_three_high_or_fifteen_low_datapoints_seen_a_minute_late()
    {
        var alarms = new TargetTrackingAlarms(0.7);
        alarms.Record(0, 0.9, 5);
        alarms.Record(1, 0.9, 6);
        alarms.Record(2, 0.9, 7);
        alarms.Evaluate(2).High.ShouldBeFalse(); // minute 2's datapoint is not visible yet
        alarms.Record(3, 0.2, 2);
        alarms.Evaluate(3).ShouldBe((true, false, 7));
        alarms.Record(4, null, 0); // no running task: no datapoint, the run is broken
        alarms.Evaluate(4).ShouldBe((false, false, 2));
        alarms.Evaluate(5).ShouldBe((false, false, 0));

        for (var m = 5; m < 21; m++)
        {
            alarms.Record(m, 0.6, 4); // below 90% of the target (0.63)
        }

        alarms.Evaluate(19).Low.ShouldBeFalse(); // minutes 5 to 18 visible: 14 datapoints
        alarms.Evaluate(20).ShouldBe((false, true, 4)); // minutes 5 to 19: 15
    }
}
