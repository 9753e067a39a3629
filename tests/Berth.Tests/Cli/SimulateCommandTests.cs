using System.Text.Json;

namespace Berth.Tests.Cli;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Json_follows_the_contract()
    {
        var result = CliRunner.InRepo("simulate", "examples/startup.yaml", "--days", "1", "--runs", "2", "--seed", "5", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        root.GetProperty("days").GetInt32().ShouldBe(1);
        root.GetProperty("runs").GetInt32().ShouldBe(2);
        root.GetProperty("seed").GetInt32().ShouldBe(5);
        var options = root.GetProperty("options").EnumerateArray().ToArray();
        options.Select(o => o.GetProperty("id").GetString()).ShouldContain("ecs-fargate");
        foreach (var o in options)
        {
            foreach (var metric in new[] { "monthlyUsd", "unservedDemandPct", "interruptions", "scaleEvents", "inFlightLosses", "shortfallMinutesPerDay", "averageNodes", "peakNodes", "nodeCpuUtilisationPct" })
            {
                var m = o.GetProperty(metric);
                m.GetProperty("p95").GetDecimal().ShouldBeGreaterThanOrEqualTo(m.GetProperty("p50").GetDecimal());
            }

            o.GetProperty("monthlyUsd").GetProperty("p50").GetDecimal().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Csv_is_the_first_runs_minute_by_minute_series_and_text_names_every_option()
    {
        var csv = CliRunner.InRepo("simulate", "examples/startup.yaml", "--days", "1", "--format", "csv");
        var text = CliRunner.InRepo("simulate", "examples/startup.yaml", "--days", "1");

        csv.ExitCode.ShouldBe(0, csv.Error);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("minute,option,demand_vcpu,serving_vcpu,running_units,cost_usd,nodes,node_cpu_utilisation_pct,backlog_messages,oldest_message_age_s");
        lines[1].ShouldStartWith("0,ecs-fargate,");
        lines.Length.ShouldBe(1 + (1440 * lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count()));
        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("ecs-fargate");
        text.Out.ShouldContain("Unserved demand");
    }

    [Fact]
    public void A_queue_consumers_backlog_is_in_text_json_and_csv()
    {
        using var dir = new TempDir();
        var spec = dir.File("berth.yaml", """
            version: 1
            name: shop
            services:
              - name: worker
                type: worker
                scaling: { min: 1, max: 4 }
                demand: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
                eventSource: { type: sqs, name: jobs, targetPerReplica: 100 }
            simulation:
              events:
                - { name: burst, day: 1, at: "06:00", duration: 1h, multiplier: 30 }
            """);

        var json = CliRunner.Run(dir.Path, "simulate", spec, "--days", "1", "--runs", "3", "--format", "json");
        var csv = CliRunner.Run(dir.Path, "simulate", spec, "--days", "1", "--runs", "1", "--format", "csv");
        var text = CliRunner.Run(dir.Path, "simulate", spec, "--days", "1", "--runs", "3");

        json.ExitCode.ShouldBe(0, json.Error);
        var root = JsonDocument.Parse(json.Out).RootElement;
        root.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.Contains("targetPerReplica", StringComparison.Ordinal));
        foreach (var o in root.GetProperty("options").EnumerateArray())
        {
            var q = o.GetProperty("queues").EnumerateArray().ShouldHaveSingleItem();
            q.GetProperty("service").GetString().ShouldBe("worker");
            q.GetProperty("peakMessages").GetProperty("p50").GetDecimal().ShouldBeGreaterThan(0);
            q.GetProperty("timeToDrainSeconds").GetProperty("p95").GetDecimal().ShouldBeGreaterThan(0);
            q.GetProperty("oldestMessageAgeSeconds").GetProperty("p50").GetDecimal().ShouldBeGreaterThan(60);
            q.GetProperty("undrainedRuns").GetInt32().ShouldBe(0);
            o.GetProperty("unservedDemandPct").GetProperty("p95").GetDecimal().ShouldBe(0); // queued, not lost
        }

        csv.ExitCode.ShouldBe(0, csv.Error);
        var rows = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        rows.Max(r => decimal.Parse(r[8], System.Globalization.CultureInfo.InvariantCulture)).ShouldBeGreaterThan(0);
        rows.Max(r => decimal.Parse(r[9], System.Globalization.CultureInfo.InvariantCulture)).ShouldBeGreaterThan(60);
        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("Queued work");
        text.Out.ShouldContain("Oldest message");
    }

    [Theory]
    [InlineData("--days", "0")]
    [InlineData("--runs", "0")]
    [InlineData("--format", "yaml")]
    public void Bad_options_are_bad_input(string option, string value)
    {
        var result = CliRunner.InRepo("simulate", "examples/startup.yaml", option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(option);
    }
}
