using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Berth.Simulation;

/// <summary>DESIGN.md's <c>simulate --format json</c> contract, and the per-minute CSV of the first run.</summary>
public static class SimulationFormats
{
    public static string ToJson(SimulationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("days", report.Settings.Days);
            w.WriteNumber("runs", report.Settings.Runs);
            w.WriteNumber("seed", report.Settings.Seed);
            w.WriteStartArray("options");
            foreach (var o in report.Summaries)
            {
                w.WriteStartObject();
                w.WriteString("id", o.Id);
                Write(w, "monthlyUsd", o.MonthlyUsd, 2);
                Write(w, "unservedDemandPct", o.UnservedDemandPct, 4);
                Write(w, "interruptions", o.Interruptions, 1);
                Write(w, "inFlightLosses", o.InFlightLosses, 1);
                Write(w, "scaleEvents", o.ScaleEvents, 1);
                Write(w, "shortfallMinutesPerDay", o.ShortfallMinutesPerDay, 1);
                Write(w, "averageNodes", o.AverageNodes, 2);
                Write(w, "peakNodes", o.PeakNodes, 1);
                Write(w, "nodeCpuUtilisationPct", o.NodeCpuUtilisationPct, 2);
                w.WriteStartArray("queues");
                foreach (var q in o.Queues)
                {
                    w.WriteStartObject();
                    w.WriteString("service", q.Service);
                    Write(w, "peakMessages", q.PeakMessages, 0);
                    Write(w, "timeToDrainSeconds", q.TimeToDrainSeconds, 0);
                    Write(w, "oldestMessageAgeSeconds", q.OldestMessageAgeSeconds, 0);
                    w.WriteNumber("undrainedRuns", q.UndrainedRuns);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("notes");
                foreach (var n in o.Notes)
                {
                    w.WriteStringValue(n);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in report.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// minute, option, demand and serving vCPU, running tasks (ECS, EKS on Fargate) or nodes (EKS on EC2), cost so far,
    /// then nodes and the CPU their pods request as a percentage of their allocatable CPU (0 without nodes), then the
    /// messages waiting in event-sourced services' queues and the oldest one's age (0 without queues): the first run.
    /// </summary>
    public static string ToCsv(SimulationReport report)
    {
        var sb = new StringBuilder("minute,option,demand_vcpu,serving_vcpu,running_units,cost_usd,nodes,node_cpu_utilisation_pct,backlog_messages,oldest_message_age_s\n");
        var options = report.Runs[0];
        var minutes = options.Count == 0 ? 0 : options.Max(o => o.TimeSeries.Count);
        for (var m = 0; m < minutes; m++)
        {
            foreach (var o in options)
            {
                if (m >= o.TimeSeries.Count)
                {
                    continue;
                }

                var p = o.TimeSeries[m];
                sb.Append(CultureInfo.InvariantCulture, $"{p.Minute},{o.Id},{Round(p.DemandVcpu, 4)},{Round(p.ServingVcpu, 4)},{p.RunningUnits},{Round(p.CostUsd, 4)},{p.Nodes},{Round(p.NodeCpuUtilisationPct, 2)},{Round(p.BacklogMessages, 0)},{Round(p.OldestMessageAgeSeconds, 0)}\n");
            }
        }

        return sb.ToString();
    }

    public static decimal Round(double value, int digits) =>
        double.IsFinite(value) ? Math.Round((decimal)value, digits, MidpointRounding.AwayFromZero) : 0m;

    /// <summary>The contract's p50 and p95, then the spread across runs (min, max) — keys added after the contract.</summary>
    private static void Write(Utf8JsonWriter w, string name, Percentiles p, int digits)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p50", Round(p.P50, digits));
        w.WriteNumber("p95", Round(p.P95, digits));
        w.WriteNumber("min", Round(p.Min, digits));
        w.WriteNumber("max", Round(p.Max, digits));
        w.WriteEndObject();
    }
}
