using Berth.Generation;
using Berth.Tests.Cli;
using Berth.Tests.Decision;

namespace Berth.Tests.Generation;

/// <summary>A generator's whole output checked against Generation/Golden/&lt;platform&gt;/&lt;example&gt;/: every file,
/// and no approved file left over. All differences are written as received files at once, for one review.</summary>
internal static class GoldenFolder
{
    public static void Verify(string platform, string example, IReadOnlyList<GeneratedFile> files)
    {
        var differences = new List<string>();
        foreach (var f in files)
        {
            try
            {
                Approved.Verify($"Generation/Golden/{platform}/{example}/{f.Path}", f.Content);
            }
            catch (ShouldAssertException e)
            {
                differences.Add(e.Message.Split('\n')[0]);
            }
        }

        differences.ShouldBeEmpty();
        var folder = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Generation", "Golden", platform, example);
        var approved = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .Where(p => !p.Contains(".received.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        approved.ShouldBe(files.Select(f => f.Path), "an approved file is no longer generated: delete it");
    }
}
