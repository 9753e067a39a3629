using System.Text.RegularExpressions;
using Berth.Decision;

namespace Berth.Tests.Decision;

public partial class CriteriaCatalogTests
{
    [Fact]
    public void Every_criterion_is_discovered_sorted_by_id()
    {
        var ids = DecisionEngine.Criteria.Select(c => c.Id).ToList();

        ids.Count.ShouldBe(15);
        ids.ShouldBe(ids.OrderBy(i => i, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Every_criterion_in_the_assembly_is_sealed_and_in_the_criteria_namespace()
    {
        var types = typeof(ICriterion).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICriterion).IsAssignableFrom(t))
            .ToList();

        types.Count.ShouldBe(DecisionEngine.Criteria.Count);
        types.ShouldAllBe(t => t.IsSealed && t.Namespace == "Berth.Decision.Criteria" && t.Name.EndsWith("Criterion"));
    }

    [Fact]
    public void Every_criterion_has_a_unique_non_empty_kebab_case_id()
    {
        var ids = DecisionEngine.Criteria.Select(c => c.Id).ToList();

        ids.ShouldAllBe(id => KebabCase().IsMatch(id));
        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void Every_criterion_has_a_test_file_named_after_it()
    {
        var dir = Path.Combine(RepoRoot(), "tests", "Berth.Tests", "Decision", "Criteria");

        foreach (var criterion in DecisionEngine.Criteria)
        {
            File.Exists(Path.Combine(dir, criterion.GetType().Name + "Tests.cs")).ShouldBeTrue(criterion.GetType().Name);
        }
    }

    [Fact]
    public void Every_reason_carries_its_criterion_id_and_neutral_reasons_weigh_nothing()
    {
        var spec = Scenarios.MixedSignals();

        foreach (var criterion in DecisionEngine.Criteria)
        {
            var reason = criterion.Evaluate(spec);
            reason.Id.ShouldBe(criterion.Id);
            reason.Text.ShouldNotBeNullOrWhiteSpace();
            reason.Text.ShouldEndWith(".");
            (reason.Favours == Favours.Neutral).ShouldBe(reason.Weight == 0, criterion.Id);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Berth.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Berth.slnx not found above the test binaries.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
