using BenchmarkDotNet.Attributes;
using Berth.Catalog;
using Berth.Reporting;
using Berth.Spec;

namespace Berth.Bench;

/// <summary>
/// berth report on the platform example: running the engines it draws on (assessment, cost, a 1..60 crossover,
/// both packings, a 7-day simulation), and turning that model into HTML with six ScottPlot charts as SVG.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private BerthSpec _platform = null!;
    private ReportModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _platform = SpecLoader.LoadFile(Path.Combine(BenchPaths.Root(), "examples", "platform.yaml")).Spec
            ?? throw new InvalidOperationException("examples/platform.yaml did not load");
        _model = ReportBuilder.Build(_platform, PriceCatalog.Embedded, new ReportOptions());
    }

    [Benchmark]
    public ReportModel BuildPlatformModel() => ReportBuilder.Build(_platform, PriceCatalog.Embedded, new ReportOptions());

    [Benchmark]
    public string RenderPlatformHtml() => ReportHtml.Render(_model);
}
