using Berth.Linting.Hcl;
using Berth.Tests.Cli;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Hcl;

public sealed class HclCorpusTests
{
    public static string CorpusRoot => Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Linting", "Corpus");

    internal static IReadOnlyList<string> HclFiles() =>
        Directory.EnumerateFiles(CorpusRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".tfvars", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_real_world_shaped_corpus_parses_without_diagnostics()
    {
        var files = HclFiles();
        files.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var path in files)
        {
            var file = HclParser.Parse(path, File.ReadAllText(path));
            file.Diagnostics.ShouldBeEmpty(string.Join("\n", file.Diagnostics));
        }
    }

    /// <summary>How long a parse takes is measured by bench/Berth.Bench (HclFuzzBenchmarks), not asserted here;
    /// the time limit only turns a hang into a failure.</summary>
    [Fact]
    public async Task Thousands_of_seeded_mutations_parse_without_exception_or_hang()
    {
        var sources = HclFiles().Select(File.ReadAllText).ToList();
        var random = new Random(20261126);
        var work = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var text = TortureInputs.MutateHcl(sources[random.Next(sources.Count)], random);
                var file = HclParser.Parse("fuzz.tf", text);
                var lines = text.Count(c => c == '\n') + 1;
                foreach (var d in file.Diagnostics)
                {
                    d.Range.Start.Line.ShouldBeInRange(1, lines);
                    d.Range.Start.Column.ShouldBeGreaterThanOrEqualTo(1);
                }
            }
        });
        await work.WaitAsync(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var deep = "a = " + new string('[', 50_000) + "\n" + "b = " + new string('(', 50_000) + "\nc = " + string.Concat(Enumerable.Repeat("-", 50_000)) + "1\n"
            + string.Concat(Enumerable.Repeat("x {\n", 5000)) + "\n" + "d = \"" + string.Concat(Enumerable.Repeat("${\"", 5000)) + "\n";
        var file = HclParser.Parse("deep.tf", deep);
        file.Diagnostics.ShouldNotBeEmpty();
    }
}
