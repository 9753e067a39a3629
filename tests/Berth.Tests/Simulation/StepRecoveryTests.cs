using Berth.Catalog;
using Berth.Simulation;
using Berth.Tests.Support;

namespace Berth.Tests.Simulation;

/// <summary>
/// A scripted step from 10% to 95% of a service's range, and how long each option takes to serve it again. Observed
/// CPU is capped at 100% of a replica, so each autoscaling round grows the replicas at most ×(1 ÷ target); the rounds
/// needed follow from that, and each round's length from the modelled latencies — those give each option's bound.
/// </summary>
public sealed class StepRecoveryTests
{
    private const int Max = 40;
    private const double Target = 0.70;
    private const double Before = 0.10;
    private const double After = 0.95;

    // Ten o'clock on the first day, for four hours; no noise, so the rounds are exactly those computed below.
    private const string Spec = """
          - { name: api, cpu: 1, memory: 2Gi, scaling: { min: 2, max: 40, cpuTarget: 70 }, demand: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1] }
        """;

    private const string Extra = """
        eks:
          nodeGroups:
            - { name: general, instanceType: m5.4xlarge, count: 4, capacityType: on-demand }
          karpenter:
            capacityTypes: [on-demand]
        simulation:
          noise: { amplitude: 0 }
          events:
            - { name: step, day: 1, at: "10:00", duration: 4h, multiplier: 9.5 }
        """;

    /// <summary>Replicas before the step, and the autoscaling rounds until they serve the step at full CPU.</summary>
    private static int Rounds()
    {
        var peak = Max * 1.0 * Target; // vCPU at a profile value of 1 (no noise)
        var replicas = (int)Math.Ceiling((peak * Before / Target) - 1e-9);
        var rounds = 0;
        while (replicas < peak * After)
        {
            // The most a round can ask for: every ready replica busy at 100%, i.e. ×(1 ÷ target).
            replicas = Math.Min(Max, (int)Math.Ceiling((replicas / Target) - 1e-9));
            rounds++;
        }

        return rounds;
    }

    public static TheoryData<string, int, int> Bounds()
    {
        const int pod = 5; // SimulationOptions.PodStartSeconds
        const int node = 60; // SimulationOptions.NodeStartSeconds
        const int fargate = 60; // SimulationOptions.FargateStartSeconds
        var hpa = (int)HorizontalPodAutoscaler.Period;
        var window = (int)HorizontalPodAutoscaler.MetricsResolution;
        var minute = 60;
        var delay = TargetTrackingAlarms.MetricDelayMinutes * minute;
        var rounds = Rounds();
        return new TheoryData<string, int, int>
        {
            // A round: the sync that sees busy pods, the new pods' start, and a full metrics window on them.
            { "eks-nodegroups", hpa, rounds * (hpa + pod + window) },
            // ... plus Karpenter's one-second batch and a new node's start.
            { "eks-karpenter", hpa, rounds * (hpa + 1 + node + pod + window) },
            // ... a Fargate pod's start instead.
            { "eks-fargate", hpa, rounds * (hpa + fargate + window) },
            // Target tracking: three datapoints above target, a minute of CloudWatch delay and the minute tick to alarm;
            // then per round the tasks' start, a full datapoint on them, its delay and the tick.
            { "ecs-fargate", (TargetTrackingAlarms.HighDatapoints * minute) + delay, ((TargetTrackingAlarms.HighDatapoints * minute) + delay + minute) + (rounds * (fargate + minute + delay + minute)) },
        };
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void A_step_recovers_within_the_modelled_latencies(string option, int atLeastSeconds, int atMostSeconds)
    {
        var report = SimulationRunner.Run(Specs.With(Spec, Extra), PriceCatalog.Embedded, new SimulationOptions(Days: 1) { TimeSeries = true });
        var run = report.Runs[0].Single(o => o.Id == option);
        const int step = 10 * 60;
        const int end = 14 * 60;

        // Recovered: from this minute to the end of the step, the ready replicas serve all the demand.
        var series = run.TimeSeries;
        var recovered = Enumerable.Range(step, end - step).First(m => Enumerable.Range(m, end - m).All(k => series[k].ServingVcpu + 1e-9 >= series[k].DemandVcpu));
        var seconds = ((recovered + 1) * 60) - (step * 60);

        Rounds().ShouldBe(5);
        series[step - 1].ServingVcpu.ShouldBeLessThan(series[step].DemandVcpu); // it is a step the replicas cannot absorb
        seconds.ShouldBeGreaterThanOrEqualTo(atLeastSeconds, option);
        seconds.ShouldBeLessThanOrEqualTo(atMostSeconds, option);
        series[end - 1].ServingVcpu.ShouldBeGreaterThanOrEqualTo(series[end - 1].DemandVcpu);
    }
}
