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

public static class Workloads
{
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
