using BenchmarkDotNet.Attributes;
using Berth.Linting;
using Berth.Linting.Reporting;

namespace Berth.Bench;

/// <summary>
/// Issue 7's target: lint a generated corpus of 10,000 realistic ECS/EKS .tf files as <c>berth lint --format sarif</c>
/// does it — find the files, parse, evaluate (tfvars, locals, local modules per instance), run every rule, apply
/// suppressions and render the report. Each iteration is several seconds, so run it as a monitoring job with few
/// iterations, e.g. <c>--filter '*Lint*' --inProcess --strategy Monitoring --warmupCount 1 --iterationCount 5</c>
/// (in-process: on a loaded machine the generated project's build can exceed BenchmarkDotNet's 2-minute timeout).
/// </summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private string _root = null!;

    [Params(10_000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "berth-lint-bench-" + Files.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        var stats = LintCorpus.Write(_root, Files, seed: 7);
        Console.WriteLine($"// corpus: {stats.Files} .tf files, {stats.Lines} lines, {stats.Bytes / 1e6:0.0} MB in {_root}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int LintCorpusToSarif() => LintRun.Sarif(_root);
}

/// <summary>What <c>berth lint --format sarif DIR</c> does after parsing its arguments (the log streamed out, here to nowhere).</summary>
public static class LintRun
{
    public static int Sarif(string dir)
    {
        var result = Linter.Run([dir], new LintOptions { Today = new DateOnly(2026, 11, 26), BaseDirectory = dir });
        SarifReporter.Write(new LintReport(result, Severity.Low, dir), "0.0.0", TextWriter.Null);
        return result.Findings.Count;
    }
}
