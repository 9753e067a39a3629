using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Berth.Catalog;
using Berth.Simulation;
using Berth.Spec;

namespace Berth.Bench;

/// <summary>
/// One simulation of the benchmark sizes, for a profiler or <c>/usr/bin/time</c> (BenchmarkDotNet's harness would be in
/// the way), and a fingerprint of every bit it measured — each run's every figure, and the first run's ledger and time
/// series — so a speed-up can be checked to change nothing:
/// `dotnet run -c Release --project bench/Berth.Bench -- simulate-once hundred|platform|SPEC.yaml [runs] [days] [threads] [series|-] [repeat N]`.
/// </summary>
public static class SimulationOnce
{
    public static int Run(string[] args)
    {
        var which = args.Length > 1 ? args[1] : "platform";
        var bench = new SimulationBenchmarks();
        bench.Setup();
        var spec = which switch
        {
            "hundred" => bench.Hundred,
            "platform" => bench.Platform,
            _ => SpecLoader.LoadFile(which).Spec ?? throw new InvalidOperationException($"{which} did not load"),
        };
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var days = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : which == "hundred" ? 30 : 7;
        int? threads = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;
        var series = args.Length > 5 && args[5] == "series";
        // `repeat N` after the other arguments: simulate N times and print each one's wall and process CPU seconds too.
        var repeat = args.Length > 7 && args[6] == "repeat" ? int.Parse(args[7], CultureInfo.InvariantCulture) : 1;
        var options = new SimulationOptions(days, runs) { MaxDegreeOfParallelism = threads, TimeSeries = series };
        for (var k = 0; k < repeat; k++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var report = SimulationRunner.Run(spec, PriceCatalog.Embedded, options);
            var elapsed = sw.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{which}: {runs} runs × {days} days in {elapsed:0.000} s ({cpuSeconds:0.000} s CPU); fingerprint {Fingerprint(report)}"));
        }

        return 0;
    }

    /// <summary>SHA-256 over the exact bits of everything every run measured.</summary>
    public static string Fingerprint(SimulationReport report)
    {
        var b = new StringBuilder();
        foreach (var run in report.Runs)
        {
            foreach (var o in run)
            {
                b.Append(o.Id).Append('|').Append(Bits(o.CostUsd)).Append('|').Append(Bits(o.MonthlyUsd)).Append('|')
                    .Append(Bits(o.DemandedVcpuSeconds)).Append('|').Append(Bits(o.ServedVcpuSeconds)).Append('|')
                    .Append(o.Interruptions).Append('|').Append(o.InFlightLosses).Append('|').Append(o.ScaleEvents).Append('|')
                    .Append(string.Join(',', o.ShortfallMinutesPerDay)).Append('|').Append(Bits(o.AverageNodes)).Append('|')
                    .Append(o.PeakNodes).Append('|').Append(Bits(o.NodeCpuUtilisationPct)).Append('|')
                    .Append(o.NodesConsolidated).Append('|').Append(o.NodesReplaced).Append('|').Append(string.Join(';', o.Notes)).Append('\n');
                foreach (var q in o.Queues)
                {
                    b.Append(q.Service).Append('|').Append(Bits(q.PeakMessages)).Append('|').Append(q.TimeToDrainSeconds).Append('|')
                        .Append(q.Drained).Append('|').Append(Bits(q.OldestMessageAgeSeconds)).Append('|').Append(Bits(q.ArrivedMessages)).Append('|')
                        .Append(Bits(q.ProcessedMessages)).Append('|').Append(Bits(q.WaitingMessages)).Append('\n');
                }

                foreach (var l in o.Ledger)
                {
                    b.Append(l.Start).Append(',').Append(l.Stop).Append(',').Append(Bits(l.UsdPerHour)).Append('\n');
                }

                foreach (var p in o.TimeSeries)
                {
                    b.Append(p.Minute).Append(',').Append(Bits(p.DemandVcpu)).Append(',').Append(Bits(p.ServingVcpu)).Append(',')
                        .Append(p.RunningUnits).Append(',').Append(Bits(p.CostUsd)).Append(',').Append(p.Nodes).Append(',')
                        .Append(Bits(p.NodeCpuUtilisationPct)).Append(',').Append(Bits(p.BacklogMessages)).Append(',')
                        .Append(Bits(p.OldestMessageAgeSeconds)).Append('\n');
                }
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString())))[..16];
    }

    private static string Bits(double x) => BitConverter.DoubleToInt64Bits(x).ToString("x16", CultureInfo.InvariantCulture);
}
