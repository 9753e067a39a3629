using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Berth.Bench;
using Berth.Packing;

// `quality` prints each packer's cost, gap to the lower bound and one-shot time per size;
// anything else runs the BenchmarkDotNet suites (e.g. --filter '*Packing*' --job short).
if (args.Length > 0 && args[0] == "quality")
{
    var table = Workloads.FullCatalogTable();
    Console.WriteLine($"{table.Count} instance types (c/m/r, all sizes, x86 + arm64, us-east-1)");
    foreach (var n in new[] { 1_000, 10_000, 100_000 })
    {
        var pods = Workloads.MixedPods(n, seed: 1);
        var sw = Stopwatch.StartNew();
        var karpenter = KarpenterPacker.Pack(table, pods);
        var karpenterMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var berth = BerthPacker.Pack(table, pods, karpenter);
        var berthMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n,7} pods | lower bound ${karpenter.LowerBoundHourlyUsd:0.00}/h | Karpenter mode ${karpenter.HourlyUsd:0.00}/h gap {karpenter.Gap:P1} {karpenterMs:0} ms | Berth mode ${berth.HourlyUsd:0.00}/h gap {berth.Gap:P1} {berthMs:0} ms (after Karpenter)"));
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PackingBenchmarks).Assembly).Run(args);
