using BenchmarkDotNet.Attributes;
using Berth.Linting.Hcl;
using Berth.Spec;
using Berth.Tests.Support;

namespace Berth.Bench;

/// <summary>
/// What the torture and fuzz tests used to assert as time limits (issue 18: "FileLevelTests &lt; 5 s, HclCorpusTests
/// &lt; 2 s per parse"), measured instead: the billion-laughs specs, and the seeded HCL mutations parsed one by one.
/// </summary>
[MemoryDiagnoser]
public class TortureBenchmarks
{
    private string _laughs = "";
    private string _laughKeys = "";
    private List<string> _mutations = [];

    [GlobalSetup]
    public void Setup()
    {
        _laughs = TortureInputs.BillionLaughs();
        _laughKeys = TortureInputs.BillionLaughKeys();
        var corpus = Path.Combine(BenchPaths.Root(), "tests", "Berth.Tests", "Linting", "Corpus");
        var sources = Directory.EnumerateFiles(corpus, "*.tf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var random = new Random(20261126);
        _mutations = Enumerable.Range(0, 2000).Select(_ => TortureInputs.MutateHcl(sources[random.Next(sources.Count)], random)).ToList();
    }

    /// <summary>Was "&lt; 5 s" in FileLevelTests.</summary>
    [Benchmark]
    public int BillionLaughs() => SpecLoader.Parse(_laughs, "laughs.yaml").Errors.Count;

    /// <summary>Was "&lt; 5 s" in FileLevelTests.</summary>
    [Benchmark]
    public int BillionLaughKeys() => SpecLoader.Parse(_laughKeys, "laugh-keys.yaml").Errors.Count;

    /// <summary>Was "&lt; 2 s per parse" in HclCorpusTests: all 2,000 seeded mutations, so the mean per parse is this / 2,000.</summary>
    [Benchmark]
    public int TwoThousandHclMutations()
    {
        var diagnostics = 0;
        foreach (var text in _mutations)
        {
            diagnostics += HclParser.Parse("fuzz.tf", text).Diagnostics.Count;
        }

        return diagnostics;
    }
}
