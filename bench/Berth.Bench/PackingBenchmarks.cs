using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Bench;

/// <summary>
/// Issue 4's sizes: pods of mixed sizes (100m–4 vCPU, 128 Mi–16 Gi) against the full us-east-1 catalog's c/m/r
/// types of every size, Spot and on-demand, x86 and arm64.
/// </summary>
[MemoryDiagnoser]
public class PackingBenchmarks
{
    private NodeTypeTable _table = null!;
    private PodSet _pods = null!;

    [Params(10_000, 100_000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _table = Workloads.FullCatalogTable();
        _pods = Workloads.MixedPods(Pods, seed: 1);
    }

    [Benchmark]
    public PackingResult Karpenter() => KarpenterPacker.Pack(_table, _pods);

    [Benchmark]
    public PackingResult Berth() => BerthPacker.Pack(_table, _pods);
}

/// <summary>
/// Issue 13's constrained mix: the same kind of pods as a plan lays them out — a Spot pool and a tainted on-demand
/// pool tried by weight, zone spread across three zones (production), ephemeral storage on a third of the services,
/// NodePool limits — packed from the plan's <see cref="PackingProblem"/>.
/// </summary>
[MemoryDiagnoser]
public class ConstrainedPackingBenchmarks
{
    private PackingProblem _problem = null!;
    private PodSet _pods = null!;

    [Params(10_000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup() => (_problem, _pods) = Workloads.Constrained(Pods, seed: 1);

    [Benchmark]
    public PackingResult Karpenter() => KarpenterPacker.Pack(_problem, _pods);

    [Benchmark]
    public PackingResult Berth() => BerthPacker.Pack(_problem, _pods);
}

public static class Workloads
{
    /// <summary>
    /// A production spec of 100 services whose replicas add up to about <paramref name="pods"/>: two thirds Spot-tolerant,
    /// a third with ephemeral storage, a quarter arm64 — planned as <c>berth pack</c> plans it.
    /// </summary>
    public static (PackingProblem Problem, PodSet Pods) Constrained(int pods, int seed)
    {
        var random = new Random(seed);
        const int services = 100;
        var yaml = new StringBuilder("version: 1\nname: bench\nregion: us-east-1\nenvironment: production\nservices:\n");
        for (var i = 0; i < services; i++)
        {
            var cpu = random.Next(1, 41) * 100;
            var memory = random.Next(1, 129) * 128;
            var storage = random.Next(3) == 0 ? string.Create(CultureInfo.InvariantCulture, $", storage: {random.Next(1, 60)}Gi") : "";
            var arch = random.Next(4) == 0 ? ", arch: arm64" : "";
            var spot = random.Next(3) != 0 ? "true" : "false";
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{ name: svc-{i}, cpu: {cpu}m, memory: {memory}Mi, replicas: {pods / services}, spot: {spot}{storage}{arch} }}\n");
        }

        var spec = SpecLoader.Parse(yaml.ToString(), "bench.yaml").Spec ?? throw new InvalidOperationException("the bench spec does not load");
        var plan = Planner.For(spec, PriceCatalog.Embedded).Find<KarpenterPlan>() ?? throw new InvalidOperationException("no Karpenter plan");
        return (PackingProblem.From(plan), PodSet.AtHour(plan, 0));
    }

    public static NodeTypeTable FullCatalogTable()
    {
        var pool = KarpenterSpec.Default with { InstanceCpu = [] };
        return NodeTypeTable.Build(new PriceBook(PriceCatalog.Embedded, PricingSpec.Default, "us-east-1"), pool, EksSpec.DefaultDaemonSetOverhead);
    }

    public static PodSet MixedPods(int count, int seed)
    {
        var random = new Random(seed);
        var pods = new Pod[count];
        for (var i = 0; i < count; i++)
        {
            pods[i] = new Pod(i % 20, random.Next(1, 41) * 100, random.Next(1, 129) * 128,
                random.Next(4) == 0 ? CpuArch.Arm64 : CpuArch.X64, random.Next(3) != 0);
        }

        return new PodSet(Enumerable.Range(0, 20).Select(i => "svc-" + i).ToArray(), pods);
    }
}
