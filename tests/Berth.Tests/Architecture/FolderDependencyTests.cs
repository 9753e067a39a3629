using System.Text.RegularExpressions;
using Berth.Tests.Cli;

namespace Berth.Tests.Architecture;

/// <summary>
/// Data flows one way (DESIGN.md, Architecture): Spec → Catalog → Planning → Costing / Packing / Simulation / Generation
/// → Reporting, with Decision reading the plans' costs and Linting beside. Read from the <c>using</c> lines and the
/// qualified names of src/Berth, so a new reference against the flow fails here.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Files"] = [],
        ["Spec"] = ["Files"],
        ["Formatting"] = [],
        ["Linting"] = ["Files", "Formatting", "Spec"],
        ["Importing"] = ["Files", "Formatting", "Spec", "Linting"],
        ["Catalog"] = ["Files", "Spec", "Formatting"],
        ["Planning"] = ["Files", "Spec", "Catalog", "Formatting"],
        ["Packing"] = ["Files", "Spec", "Catalog", "Planning", "Formatting"],
        ["Costing"] = ["Files", "Spec", "Catalog", "Planning", "Packing", "Formatting"],
        ["Simulation"] = ["Files", "Spec", "Catalog", "Planning", "Packing", "Formatting"],
        ["Generation"] = ["Files", "Spec", "Catalog", "Planning", "Formatting"],
        ["Decision"] = ["Files", "Spec", "Catalog", "Planning", "Costing", "Formatting"],
        ["Reporting"] = ["Files", "Spec", "Catalog", "Planning", "Packing", "Costing", "Simulation", "Generation", "Decision", "Linting", "Formatting"],
    };

    [GeneratedRegex(@"\bBerth\.(?<folder>[A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();

    private static Dictionary<string, SortedSet<string>> Graph()
    {
        var src = Path.Combine(RepoPaths.Root, "src", "Berth");
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(src).Where(d => !Path.GetFileName(d).StartsWith('.') && Path.GetFileName(d) is not ("bin" or "obj")))
        {
            var folder = Path.GetFileName(dir);
            var uses = graph[folder] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in Reference().Matches(File.ReadAllText(file)))
                {
                    var used = m.Groups["folder"].Value;
                    if (used != folder && Directory.Exists(Path.Combine(src, used)))
                    {
                        uses.Add(used);
                    }
                }
            }
        }

        return graph;
    }

    [Fact]
    public void Every_folder_depends_only_on_the_folders_before_it_in_the_pipeline()
    {
        var graph = Graph();
        graph.Keys.ShouldBe(Allowed.Keys, ignoreOrder: true, "a new folder needs its place in the pipeline here and in DESIGN.md");
        foreach (var (folder, uses) in graph)
        {
            uses.Except(Allowed[folder], StringComparer.Ordinal).ShouldBeEmpty($"src/Berth/{folder} must not depend on these");
        }
    }

    [Fact]
    public void The_allowed_dependencies_have_no_cycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        bool Cycle(string n)
        {
            if (state.GetValueOrDefault(n) == 1)
            {
                return true;
            }

            if (state.GetValueOrDefault(n) == 2)
            {
                return false;
            }

            state[n] = 1;
            var found = Allowed[n].Any(Cycle);
            state[n] = 2;
            return found;
        }

        Allowed.Keys.Any(Cycle).ShouldBeFalse();
    }
}
