using System.Text.RegularExpressions;
using Berth.Linting;
using Berth.Linting.Reporting;
using Berth.Tests.Cli;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting;

/// <summary>
/// Every rule has a unique stable id, a doc page and a test class; the doc pages and the README table are
/// generated from the rule classes and fail here when they drift. To regenerate: BERTH_APPROVE=1 dotnet test
/// --filter RuleCatalogTests (or copy the .received files this test leaves next to the approved ones).
/// </summary>
public sealed partial class RuleCatalogTests
{
    [GeneratedRegex(@"^BERTH-(ECS|EKS|NET|K8S|ARGO|KARP)-\d{3}$")]
    private static partial Regex IdPattern();

    private static bool Approving => Environment.GetEnvironmentVariable("BERTH_APPROVE") == "1";

    [Fact]
    public void Ids_are_unique_and_well_formed_and_metadata_is_complete()
    {
        var rules = RuleRegistry.All;
        rules.Count.ShouldBeGreaterThanOrEqualTo(25);
        rules.Select(r => r.Id).ShouldBeUnique();
        foreach (var rule in rules)
        {
            IdPattern().IsMatch(rule.Id).ShouldBeTrue(rule.Id);
            rule.GetType().IsSealed.ShouldBeTrue(rule.Id);
            rule.Title.ShouldNotEndWith(".");
            rule.Title.ShouldNotContain("\n");
            rule.Why.Length.ShouldBeGreaterThan(40, rule.Id);
            rule.Fix.Length.ShouldBeGreaterThan(20, rule.Id);
            rule.Resource.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Every_rule_has_its_own_test_class_and_source_file()
    {
        var tested = typeof(RuleCatalogTests).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(RuleTests<>))
            .Select(b => b?.GetGenericArguments()[0])
            .ToHashSet();
        foreach (var rule in RuleRegistry.All)
        {
            tested.ShouldContain(rule.GetType(), rule.Id + " has no RuleTests<" + rule.GetType().Name + "> class");
            File.Exists(Path.Combine(RepoPaths.Root, "src", "Berth", "Linting", "Rules", rule.GetType().Name + ".cs")).ShouldBeTrue(rule.GetType().Name);
            File.Exists(Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Linting", "Rules", rule.GetType().Name + "Tests.cs")).ShouldBeTrue(rule.GetType().Name);
        }
    }

    [Fact]
    public void Every_rule_has_its_generated_doc_page()
    {
        var dir = Path.Combine(RepoPaths.Root, "docs", "rules");
        Directory.CreateDirectory(dir);
        var drifted = new List<string>();
        foreach (var rule in RuleRegistry.All)
        {
            var path = Path.Combine(dir, rule.Id + ".md");
            Approve(path, RuleDocs.Page(rule), drifted);
        }

        var orphans = Directory.EnumerateFiles(dir, "*.md").Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".received", StringComparison.Ordinal) && RuleRegistry.All.All(r => r.Id != n)).ToList();
        orphans.ShouldBeEmpty("doc pages without a rule");
        drifted.ShouldBeEmpty("doc pages drifted from the rule classes (see the .received files, or run with BERTH_APPROVE=1)");
    }

    [Fact]
    public void The_readme_rule_table_is_generated_from_the_rules()
    {
        var path = Path.Combine(RepoPaths.Root, "README.md");
        var readme = File.ReadAllText(path);
        const string start = "<!-- rules:start -->\n";
        const string end = "<!-- rules:end -->";
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        from.ShouldBeGreaterThan(0);
        to.ShouldBeGreaterThan(from);
        var expected = readme[..(from + start.Length)] + RuleDocs.Table(RuleRegistry.All) + readme[to..];
        var drifted = new List<string>();
        Approve(path, expected, drifted);
        drifted.ShouldBeEmpty("the README rule table drifted (see README.received.md, run `berth lint --rules-markdown`, or BERTH_APPROVE=1)");
    }

    [Fact]
    public void The_cli_prints_the_same_table() =>
        CliRunner.InRepo("lint", "--rules-markdown").Out.ShouldBe(RuleDocs.Table(RuleRegistry.All));

    private static void Approve(string path, string expected, List<string> drifted)
    {
        var actual = File.Exists(path) ? File.ReadAllText(path) : null;
        if (actual == expected)
        {
            return;
        }

        if (Approving)
        {
            File.WriteAllText(path, expected);
            return;
        }

        File.WriteAllText(Path.ChangeExtension(path, ".received.md"), expected);
        drifted.Add(path);
    }
}
