using System.Diagnostics;
using Berth.Linting.Hcl;
using Berth.Tests.Cli;

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

    private static readonly string[] Noise =
    [
        "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "<<EOT\n", "<<-X\n", "\nEOT\n", "\n", "#", "//", "/*", "*/", "\\", "\\u12",
        "...", "[*]", ".*", "=", "=>", "?", ":", "for", "if", "in", "endif", "%{ endfor }", ",", "\r", "\t", "0.5e", "::", "!", "-", "é",
    ];

    [Fact]
    public async Task Thousands_of_seeded_mutations_parse_without_exception_or_hang()
    {
        var sources = HclFiles().Select(File.ReadAllText).ToList();
        var random = new Random(20261126);
        var work = Task.Run(() =>
        {
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 2000; i++)
            {
                var text = Mutate(sources[random.Next(sources.Count)], random);
                var watch = Stopwatch.StartNew();
                var file = HclParser.Parse("fuzz.tf", text);
                watch.Stop();
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                var lines = text.Count(c => c == '\n') + 1;
                foreach (var d in file.Diagnostics)
                {
                    d.Range.Start.Line.ShouldBeInRange(1, lines);
                    d.Range.Start.Column.ShouldBeGreaterThanOrEqualTo(1);
                }
            }

            return slowest;
        });
        var slowest = await work.WaitAsync(TimeSpan.FromSeconds(60));
        slowest.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var deep = "a = " + new string('[', 50_000) + "\n" + "b = " + new string('(', 50_000) + "\nc = " + string.Concat(Enumerable.Repeat("-", 50_000)) + "1\n"
            + string.Concat(Enumerable.Repeat("x {\n", 5000)) + "\n" + "d = \"" + string.Concat(Enumerable.Repeat("${\"", 5000)) + "\n";
        var file = HclParser.Parse("deep.tf", deep);
        file.Diagnostics.ShouldNotBeEmpty();
    }

    private static string Mutate(string text, Random random)
    {
        var count = random.Next(1, 5);
        for (var m = 0; m < count && text.Length > 0; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text = text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at));
                    break;
                case 1:
                    text = text.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 200), text.Length - at);
                    text = text.Insert(random.Next(text.Length), text.Substring(at, length));
                    break;
                case 3:
                    text = text[..at];
                    break;
                default:
                    var chars = text.ToCharArray();
                    chars[at] = (char)random.Next(32, 127);
                    text = new string(chars);
                    break;
            }
        }

        return text;
    }
}
