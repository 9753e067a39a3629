using System.Globalization;
using System.Text.Json;

namespace Berth.Tests.Cli;

public sealed class CostCommandTests
{
    [Theory]
    [InlineData("startup")]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void Json_follows_the_contract_and_every_total_is_its_line_items(string example)
    {
        var result = CliRunner.InRepo("cost", $"examples/{example}.yaml", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        root.GetProperty("currency").GetString().ShouldBe("USD");
        root.GetProperty("hoursPerMonth").GetDecimal().ShouldBe(730m);
        root.GetProperty("catalogAsOf").GetString().ShouldBe("2026-07-20");
        root.GetProperty("region").GetString().ShouldNotBeNullOrEmpty();
        var ids = new List<string>();
        foreach (var o in root.GetProperty("options").EnumerateArray())
        {
            ids.Add(o.GetProperty("id").GetString()!);
            o.GetProperty("platform").GetString().ShouldBeOneOf("ecs", "eks");
            o.GetProperty("catalogAsOf").GetString().ShouldBe("2026-07-20");
            o.GetProperty("estimated").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            var lines = o.GetProperty("lineItems").EnumerateArray().ToArray();
            lines.ShouldNotBeEmpty();
            foreach (var l in lines)
            {
                l.GetProperty("description").GetString().ShouldNotBeNullOrEmpty();
                l.GetProperty("quantity").GetDecimal();
                l.GetProperty("unit").GetString().ShouldNotBeNullOrEmpty();
                l.GetProperty("unitPriceUsd").GetDecimal();
            }

            o.GetProperty("monthlyUsd").GetDecimal().ShouldBe(lines.Sum(l => l.GetProperty("monthlyUsd").GetDecimal()));
            lines.ShouldContain(l => l.GetProperty("kind").GetString() == "engineering-time");
        }

        ids.ShouldContain("ecs-fargate");
        ids.ShouldContain("eks-fargate");
        ids.ShouldContain("eks-karpenter");
        if (example == "platform")
        {
            ids.ShouldContain("eks-nodegroups");
            var karpenter = root.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "eks-karpenter");
            var figures = karpenter.GetProperty("figures");
            figures.GetProperty("berthModeSavingMonthlyUsd").GetDecimal().ShouldBeGreaterThanOrEqualTo(0);
            figures.GetProperty("lowerBoundNodesMonthlyUsd").GetDecimal().ShouldBeLessThanOrEqualTo(figures.GetProperty("karpenterModeNodesMonthlyUsd").GetDecimal());
            karpenter.GetProperty("lineItems").EnumerateArray().ShouldContain(l => l.GetProperty("description").GetString()!.Contains(" spot ", StringComparison.Ordinal));
            karpenter.GetProperty("lineItems").EnumerateArray().ShouldContain(l => l.GetProperty("description").GetString()!.StartsWith("Karpenter node root volumes", StringComparison.Ordinal));
            karpenter.GetProperty("lineItems").EnumerateArray().ShouldContain(l => l.GetProperty("description").GetString()!.StartsWith("system node group", StringComparison.Ordinal));
            var groups = root.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "eks-nodegroups");
            groups.GetProperty("feasible").GetBoolean().ShouldBeFalse();
            groups.GetProperty("infeasible").EnumerateArray().Single().GetString()!.ShouldContain("do not fit on the node groups' 6 nodes: it would take");
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public void Output_is_byte_identical_in_any_culture(string format)
    {
        var invariant = RunIn(CultureInfo.InvariantCulture, "cost", "examples/platform.yaml", "--format", format);
        var german = RunIn(new CultureInfo("de-DE"), "cost", "examples/platform.yaml", "--format", format);

        german.ShouldBe(invariant);
        invariant.ShouldContain("730");
    }

    [Fact]
    public void Infra_only_leaves_engineering_time_out()
    {
        var result = CliRunner.InRepo("cost", "examples/startup.yaml", "--infra-only", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldNotContain("engineering-time");
        result.Out.ShouldStartWith("option,platform,description,quantity,unit,unitPriceUsd,monthlyUsd,kind,group,estimated,catalogAsOf,feasible,infeasible\n");
    }

    [Fact]
    public void Markdown_is_fit_for_a_pull_request_comment()
    {
        var result = CliRunner.InRepo("cost", "examples/startup.yaml", "--format", "markdown");

        result.Out.ShouldStartWith("## Monthly cost: invoicing\n");
        result.Out.ShouldContain("| ecs-fargate");
        result.Out.ShouldContain("<details>");
    }

    [Fact]
    public void Assess_shows_each_options_monthly_total()
    {
        var result = CliRunner.InRepo("assess", "examples/startup.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("ecs-fargate");
        result.Out.ShouldContain("Monthly cost");
        result.Out.ShouldContain("catalog as of 2026-07-20");
    }

    [Fact]
    public void Crossover_finds_where_the_cheapest_option_changes()
    {
        var json = CliRunner.InRepo("crossover", "examples/platform.yaml", "--services", "1..40", "--format", "json");
        var csv = CliRunner.InRepo("crossover", "examples/startup.yaml", "--services", "1..5", "--format", "csv");
        var text = CliRunner.InRepo("crossover", "examples/startup.yaml", "--services", "1..20");

        json.ExitCode.ShouldBe(0, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        doc.RootElement.GetProperty("points").GetArrayLength().ShouldBe(40);
        var crossovers = doc.RootElement.GetProperty("crossovers").EnumerateArray().ToArray();
        crossovers.ShouldNotBeEmpty(); // fixed node groups are cheap for few services and overwhelmed by many
        crossovers.ShouldAllBe(c => c.GetProperty("atServices").GetInt32() > 1);
        csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6);
        text.Out.ShouldContain("services");
        text.Out.ShouldContain("* ecs-fargate");
    }

    [Theory]
    [InlineData("--services", "abc")]
    [InlineData("--services", "10..5")]
    [InlineData("--template", "nope")]
    public void Crossover_rejects_bad_options(string option, string value)
    {
        var result = CliRunner.InRepo("crossover", "examples/startup.yaml", option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(option);
    }

    private static string RunIn(CultureInfo culture, params string[] args)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var r = CliRunner.InRepo(args);
            r.ExitCode.ShouldBe(0, r.Error);
            return r.Out;
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = before;
        }
    }
}
