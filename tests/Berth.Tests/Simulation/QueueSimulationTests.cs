using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

/// <summary>Event-sourced services: work waits in the queue or topic, is served when capacity exists, and none is lost.</summary>
public sealed class QueueSimulationTests
{
    private const string Groups = """
        eks:
          nodeGroups:
            - { name: general, instanceType: m5.4xlarge, count: 6, capacityType: on-demand }
          karpenter:
            capacityTypes: [on-demand]
        """;

    // A tenth of the peak, and for an hour each day three times the peak: more than scaling.max can take at once.
    private const string Burst = """
        simulation:
          events:
            - { name: burst, day: 1, at: "09:00", duration: 1h, multiplier: 30 }
        """;

    private static readonly string Flat = "[" + string.Join(", ", Enumerable.Repeat("0.1", 24)) + "]";

    private static IReadOnlyList<OptionRun> Run(string services, string extra, int days = 1) =>
        SimulationRunner.Run(Specs.With(services, Groups + "\n" + extra), PriceCatalog.Embedded, new SimulationOptions(Days: days) { TimeSeries = true }).Runs[0];

    [Theory]
    [InlineData("sqs")]
    [InlineData("kafka")]
    public void A_queue_consumer_loses_no_work_and_reports_its_backlog_on_every_option(string type)
    {
        var runs = Run($"  - {{ name: worker, type: worker, cpu: 1, memory: 2Gi, scaling: {{ min: 1, max: 10 }}, demand: {Flat}, eventSource: {{ type: {type}, name: jobs, targetPerReplica: 100 }} }}", Burst);

        runs.Select(r => r.Id).ShouldBe(["ecs-fargate", "eks-karpenter", "eks-nodegroups", "eks-fargate"]);
        foreach (var run in runs)
        {
            var q = run.Queues.ShouldHaveSingleItem();
            q.Service.ShouldBe("worker");
            // Nothing lost: what arrived was processed or still waits.
            q.ProcessedMessages.ShouldBe(q.ArrivedMessages - q.WaitingMessages, 1e-6 * q.ArrivedMessages, run.Id);
            q.ArrivedMessages.ShouldBeGreaterThan(0);
            // The burst outran scaling.max: it queued, aged and drained again after it.
            q.PeakMessages.ShouldBeGreaterThan(1_000, run.Id);
            q.OldestMessageAgeSeconds.ShouldBeGreaterThan(60, run.Id);
            q.Drained.ShouldBeTrue(run.Id);
            q.TimeToDrainSeconds.ShouldBeGreaterThan(0, run.Id);
            run.TimeSeries.Max(p => p.BacklogMessages).ShouldBe(q.PeakMessages, q.PeakMessages * 0.05, run.Id);
            run.TimeSeries[^1].BacklogMessages.ShouldBeLessThan(q.PeakMessages);
            // Queue work is never counted as lost demand.
            run.UnservedDemandPct.ShouldBe(0, run.Id);
        }
    }

    [Fact]
    public void Keda_and_the_start_from_zero_policy_wake_a_consumer_at_zero()
    {
        // Nothing to do but an hour a day: scaled to zero outside it, woken by the first messages.
        var hours = "[" + string.Join(", ", Enumerable.Range(0, 24).Select(h => h == 9 ? "0.5" : "0")) + "]";
        var runs = Run($"  - {{ name: worker, type: worker, cpu: 1, memory: 2Gi, scaling: {{ min: 0, max: 10 }}, demand: {hours}, eventSource: {{ type: sqs, name: jobs, targetPerReplica: 100 }} }}", "");

        foreach (var run in runs.Where(r => r.Id != "eks-nodegroups"))
        {
            var series = run.TimeSeries;
            series[8 * 60].RunningUnits.ShouldBe(0, run.Id); // at zero before the work: no tasks, pods or nodes
            series.Skip(9 * 60).Take(60).Max(p => p.ServingVcpu).ShouldBeGreaterThan(0, run.Id);
            series[12 * 60].ServingVcpu.ShouldBe(0, run.Id); // back to zero after the cooldown
            var q = run.Queues.Single();
            q.WaitingMessages.ShouldBe(0, 1e-6, run.Id);
            // Woken within minutes: KEDA polls every 30 s; on ECS the step alarm needs a datapoint a minute late, then a task starts.
            q.OldestMessageAgeSeconds.ShouldBeLessThan(run.Id == "ecs-fargate" ? 6 * 60 : 3 * 60, run.Id);
            q.OldestMessageAgeSeconds.ShouldBeGreaterThan(run.Id == "ecs-fargate" ? 120 : 30, run.Id);
        }
    }

    [Fact]
    public void A_kafka_consumer_group_works_no_faster_than_its_partitions_allow()
    {
        const string few = "  - { name: consumer, type: worker, cpu: 1, memory: 2Gi, scaling: { min: 1, max: 10 }, demand: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], eventSource: { type: kafka, name: events, targetPerReplica: 100, partitions: 3 } }";
        var capped = Run(few, Burst);
        var open = Run(few.Replace("partitions: 3", "partitions: 10", StringComparison.Ordinal), Burst);

        foreach (var id in new[] { "ecs-fargate", "eks-fargate" })
        {
            var c = capped.Single(r => r.Id == id);
            var o = open.Single(r => r.Id == id);
            c.TimeSeries.Max(p => p.ServingVcpu).ShouldBeLessThanOrEqualTo(3.0 + 1e-9, id); // three consumers at most work
            c.Queues[0].PeakMessages.ShouldBeGreaterThan(o.Queues[0].PeakMessages, id);
            c.Queues[0].OldestMessageAgeSeconds.ShouldBeGreaterThan(o.Queues[0].OldestMessageAgeSeconds, id);
        }
    }
}
