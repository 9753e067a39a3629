using System.Text.Json;
using Berth.Catalog;
using Berth.Costing;
using Berth.Tests.Cli;
using Berth.Tests.Support;

namespace Berth.Tests.Costing;

/// <summary><c>berth cost --compare</c>: what a change to berth.yaml adds or saves, per option and per line item.</summary>
public sealed class CostComparisonTests
{
    private const string Services = """
          - { name: api, cpu: 1, memory: 2Gi, replicas: 4 }
          - { name: worker, cpu: 500m, memory: 1Gi, replicas: 2 }
          - { name: old, cpu: 250m, memory: 512Mi, replicas: 1 }
        """;

    private static CostComparison Compare(string before, string after, string extraBefore = "", string extraAfter = "") =>
        CostComparison.Of(
            CostEngine.Estimate(Specs.With(before, extraBefore), PriceCatalog.Embedded, infraOnly: true),
            CostEngine.Estimate(Specs.With(after, extraAfter), PriceCatalog.Embedded, infraOnly: true));

    [Fact]
    public void Added_removed_and_resized_services_are_lines_added_removed_and_changed()
    {
        var after = Services
            .Replace("- { name: api, cpu: 1, memory: 2Gi, replicas: 4 }", "- { name: api, cpu: 2, memory: 4Gi, replicas: 4 }", StringComparison.Ordinal)
            .Replace("replicas: 2 }", "replicas: 3 }", StringComparison.Ordinal)
            .Replace("  - { name: old, cpu: 250m, memory: 512Mi, replicas: 1 }", "  - { name: new, cpu: 250m, memory: 512Mi, replicas: 1 }", StringComparison.Ordinal);
        var ecs = Compare(Services, after).Options.Single(o => o.Id == "ecs-fargate");

        // 730 h × $0.04937 per 1 vCPU / 2 GB task-hour (DOMAIN.md §3): the worker's third task adds 730 × $0.024685.
        var worker = ecs.Lines.Single(l => l.Description.StartsWith("worker:", StringComparison.Ordinal));
        worker.Kind.ShouldBe("changed");
        worker.DeltaUsd.ShouldBe(18.02m);
        ecs.Lines.Single(l => l.Description.StartsWith("new:", StringComparison.Ordinal)).Kind.ShouldBe("added");
        ecs.Lines.Single(l => l.Description.StartsWith("old:", StringComparison.Ordinal)).Kind.ShouldBe("removed");

        // A resized service: its old size removed, its new size added.
        ecs.Lines.Where(l => l.Description.StartsWith("api:", StringComparison.Ordinal)).Select(l => l.Kind).Order().ShouldBe(["added", "removed"]);
        ecs.Lines.Single(l => l.Description.StartsWith("api:", StringComparison.Ordinal) && l.Kind == "added").HeadUsd.ShouldBe(4 * 730 * 0.09874m, 0.01m);
    }

    [Fact]
    public void The_lines_add_up_to_the_options_change()
    {
        var after = Services.Replace("replicas: 4", "replicas: 9", StringComparison.Ordinal);
        foreach (var o in Compare(Services, after).Options)
        {
            o.Lines.Sum(l => l.DeltaUsd).ShouldBe(o.DeltaUsd, o.Id);
            o.DeltaUsd.ShouldBe(o.Head!.MonthlyUsd - o.Base!.MonthlyUsd);
        }
    }

    [Fact]
    public void A_karpenter_pool_line_whose_node_count_moved_is_one_changed_line()
    {
        static CostReport Report(string average, decimal usd) => new("USD", 730, "us-east-1", "2026-07-20", "embedded",
        [
            new CostOption("eks-karpenter", "eks", "EKS with Karpenter",
                [LineItem.Create($"NodePool general: m5.large spot (avg {average} nodes)", usd, "USD", 1, "spot")], [], new Dictionary<string, decimal>()),
        ]);

        var line = CostComparison.Of(Report("2.5", 100), Report("3", 120)).Options.Single().Lines.ShouldHaveSingleItem();
        line.Kind.ShouldBe("changed");
        line.Description.ShouldBe("NodePool general: m5.large spot");
        line.DeltaUsd.ShouldBe(20);
    }

    [Fact]
    public void An_option_that_can_no_longer_run_is_named()
    {
        const string groups = "eks:\n  nodeGroups:\n    - { name: general, instanceType: m5.xlarge, count: 2 }\n";
        var after = Services.Replace("replicas: 4", "replicas: 20", StringComparison.Ordinal);
        var c = Compare(Services, after, groups, groups);
        var nodeGroups = c.Options.Single(o => o.Id == "eks-nodegroups");
        nodeGroups.FeasibilityChanged.ShouldBeTrue();
        CostComparison.Status(nodeGroups).ShouldBe(" (can no longer run)");
        c.ToMarkdown("test").ShouldContain("**eks-nodegroups can no longer run:** at the peak");
        var json = JsonDocument.Parse(c.ToJson()).RootElement.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "eks-nodegroups");
        json.GetProperty("baseFeasible").GetBoolean().ShouldBeTrue();
        json.GetProperty("feasible").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void A_base_in_another_region_is_compared_option_by_option_and_says_so()
    {
        var before = CostEngine.Estimate(Specs.With(Services), PriceCatalog.Embedded, infraOnly: true);
        var after = CostEngine.Estimate(Specs.Parse($"version: 1\nname: test\nregion: eu-west-1\nservices:\n{Services}\n"), PriceCatalog.Embedded, infraOnly: true);
        var c = CostComparison.Of(before, after);
        c.Notes.ShouldContain("the region changed (us-east-1 → eu-west-1): every price differs, so lines are compared option by option");
        c.Options.Select(o => o.Id).ShouldBe(after.Options.Select(o => o.Id));
        // EC2 prices scale with the region (eu-west-1's ratio is above 1); Fargate's eu-west-1 price equals us-east-1's.
        c.Options.Single(o => o.Id == "eks-karpenter").DeltaUsd.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_cli_prints_json_and_markdown_and_refuses_csv()
    {
        using var dir = new TempDir();
        dir.File("base.yaml", $"version: 1\nname: shop\nregion: us-east-1\nservices:\n{Services}\n");
        dir.File("head.yaml", $"version: 1\nname: shop\nregion: us-east-1\nservices:\n{Services.Replace("replicas: 4", "replicas: 5", StringComparison.Ordinal)}\n");

        var json = CliRunner.Run(dir.Path, "cost", "head.yaml", "--compare", "base.yaml", "--format", "json");
        json.ExitCode.ShouldBe(0, json.Error);
        var ecs = JsonDocument.Parse(json.Out).RootElement.GetProperty("options").EnumerateArray().First();
        ecs.GetProperty("id").GetString().ShouldBe("ecs-fargate");
        ecs.GetProperty("deltaMonthlyUsd").GetDecimal().ShouldBe(36.04m); // one more 1 vCPU / 2 GB task: 730 × $0.04937

        var markdown = CliRunner.Run(dir.Path, "cost", "head.yaml", "--compare", "base.yaml", "--format", "markdown");
        markdown.Out.ShouldContain("| ecs-fargate | $");
        markdown.Out.ShouldContain("**+$36.04**");

        var csv = CliRunner.Run(dir.Path, "cost", "head.yaml", "--compare", "base.yaml", "--format", "csv");
        csv.ExitCode.ShouldBe(2);
        csv.Error.ShouldContain("--compare: --format csv is not offered");

        var missing = CliRunner.Run(dir.Path, "cost", "head.yaml", "--compare", "nowhere.yaml");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("nowhere.yaml");
    }
}
