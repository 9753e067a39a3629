using BenchmarkDotNet.Attributes;
using Berth.Catalog;
using Berth.Simulation;
using Berth.Spec;

namespace Berth.Bench;

/// <summary>Issue 5's sizes: 100 services × 30 days (one run, one thread), and 1,000 runs of the platform example × 7 days.</summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private BerthSpec _hundred = null!;
    private BerthSpec _platform = null!;

    [GlobalSetup]
    public void Setup()
    {
        var platform = SpecLoader.LoadFile(Path.Combine(BenchPaths.Root(), "examples", "platform.yaml")).Spec
            ?? throw new InvalidOperationException("examples/platform.yaml did not load");
        _platform = platform;
        var services = Enumerable.Range(0, 100)
            .Select(i => platform.Services[i % platform.Services.Count] with { Name = "svc-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToArray();
        _hundred = platform with { Services = services };
    }

    /// <summary>100 services cycled from the platform example (after <see cref="Setup"/>).</summary>
    public BerthSpec Hundred => _hundred;

    /// <summary>examples/platform.yaml (after <see cref="Setup"/>).</summary>
    public BerthSpec Platform => _platform;

    [Benchmark]
    public SimulationReport HundredServicesThirtyDays() =>
        SimulationRunner.Run(_hundred, PriceCatalog.Embedded, new SimulationOptions(Days: 30, Runs: 1) { MaxDegreeOfParallelism = 1 });

    [Benchmark]
    public SimulationReport PlatformThousandRunsSevenDays() =>
        SimulationRunner.Run(_platform, PriceCatalog.Embedded, new SimulationOptions(Days: 7, Runs: 1000));

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Berth.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
