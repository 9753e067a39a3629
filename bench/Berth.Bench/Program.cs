using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Berth.Bench;
using Berth.Packing;

// `quality` prints each packer's cost, gap to the lower bound and one-shot time per size;
// `lint-vs-terraform [files] [rounds]` times berth lint against terraform fmt on one generated corpus
// (`lint-corpus DIR [files]` only writes that corpus);
// `stability [days] [sets] [counts...]` prints how stable simulate's percentiles are per run count;
// `simulate-once hundred|platform|SPEC.yaml [runs] [days] [threads] [series|-] [repeat N]` runs one simulation and prints its fingerprint;
// anything else runs the BenchmarkDotNet suites (e.g. --filter '*Packing*' --job short, --filter '*Lint*').
if (args.Length > 0 && args[0] == "lint-vs-terraform")
{
    return LintVsTerraform.Run(args);
}

if (args.Length >= 2 && args[0] == "lint-corpus")
{
    // Writes the generated corpus to a folder, e.g. to run `berth lint` on it by hand.
    var stats = LintCorpus.Write(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000, seed: 7);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stats.Files:N0} .tf files, {stats.Lines:N0} lines, {stats.Bytes / 1e6:0.0} MB in {args[1]}"));
    return 0;
}

if (args.Length > 0 && args[0] == "stability")
{
    // How many seeded runs berth simulate needs for stable percentiles on the examples (docs/simulate.md).
    return RunStability.Run(args);
}

if (args.Length > 0 && args[0] == "simulate-once")
{
    // One simulation of the benchmark sizes and a fingerprint of every figure it measured, for a profiler or /usr/bin/time.
    return SimulationOnce.Run(args);
}

if (args.Length > 0 && args[0] == "quality")
{
    var table = Workloads.FullCatalogTable();
    Console.WriteLine($"{table.Count} instance types (c/m/r, all sizes, x86 + arm64, us-east-1)");
    foreach (var n in new[] { 1_000, 10_000, 100_000 })
    {
        var pods = Workloads.MixedPods(n, seed: 1);
        Quality($"{n,7} pods", PackingProblem.OnePool(table, pods), pods);
    }

    // Held-out mixes: the same generators with seeds the packers were not tuned on.
    foreach (var seed in new[] { 2, 3, 4 })
    {
        var pods = Workloads.MixedPods(10_000, seed);
        Quality($"  10000 pods, held-out seed {seed}", PackingProblem.OnePool(table, pods), pods);
    }

    // Issue 13's constrained mix: two pools by weight, a taint, zone spread, ephemeral storage, limits.
    foreach (var (n, seed) in new[] { (1_000, 1), (10_000, 1), (10_000, 2), (10_000, 3) })
    {
        var (problem, pods) = Workloads.Constrained(n, seed);
        Quality($"{pods.Pods.Count,7} constrained pods, seed {seed} ({problem.Pools.Count} pools, {problem.Zones.Count} zones)", problem, pods);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PackingBenchmarks).Assembly).Run(args);
return 0;

// Each packer's cost, gap to the lower bound and one-shot time for one pod set.
static void Quality(string label, PackingProblem problem, PodSet pods)
{
    var sw = Stopwatch.StartNew();
    var karpenter = KarpenterPacker.Pack(problem, pods);
    var karpenterMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    var berth = BerthPacker.Pack(problem, pods, karpenter);
    var berthMs = sw.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label} | lower bound ${karpenter.LowerBoundHourlyUsd:0.00}/h | Karpenter mode ${karpenter.HourlyUsd:0.00}/h gap {karpenter.Gap:P1} {karpenterMs:0} ms, {karpenter.Unschedulable.Count} unschedulable | Berth mode ${berth.HourlyUsd:0.00}/h gap {berth.Gap:P1} {berthMs:0} ms (after Karpenter), {berth.Unschedulable.Count} unschedulable"));
}
