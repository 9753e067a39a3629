using System.Text.RegularExpressions;
using Berth.Tests.Cli;

namespace Berth.Tests.Reporting;

/// <summary>berth report through the real command tree.</summary>
public sealed partial class ReportCommandTests
{
    [Fact]
    public void Report_writes_one_html_file_and_says_what_it_recommends()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "report", Path.Combine(RepoPaths.Examples, "startup.yaml"), "-o", "out/report.html", "--days", "1", "--seed", "3");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldStartWith("wrote out/report.html (");
        result.Out.ShouldContain("ecs-fargate recommended");
        var html = File.ReadAllText(Path.Combine(dir.Path, "out", "report.html"));
        Reports.Parse(html).Descendants("h1").Single().Value.ShouldBe("Berth report: invoicing");
        Directory.GetFiles(Path.Combine(dir.Path, "out")).Length.ShouldBe(1, "no temp file is left behind");
    }

    [Fact]
    public void Report_replaces_its_own_report_but_not_another_file_unless_forced()
    {
        using var dir = new TempDir();
        var spec = Path.Combine(RepoPaths.Examples, "startup.yaml");
        CliRunner.Run(dir.Path, "report", spec, "-o", "r.html", "--days", "1").ExitCode.ShouldBe(0);
        CliRunner.Run(dir.Path, "report", spec, "-o", "r.html", "--days", "1").ExitCode.ShouldBe(0);
        dir.File("mine.html", "<p>my page</p>");

        var refused = CliRunner.Run(dir.Path, "report", spec, "-o", "mine.html", "--days", "1");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("mine.html: already exists and is not a report Berth wrote; not overwritten (use --force to replace it)");
        File.ReadAllText(Path.Combine(dir.Path, "mine.html")).ShouldBe("<p>my page</p>");

        CliRunner.Run(dir.Path, "report", spec, "-o", "mine.html", "--days", "1", "--force").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_bad_spec_exits_2_with_file_line_and_column_and_writes_nothing()
    {
        using var dir = new TempDir();
        dir.File("bad.yaml", "version: 1\nname: t\nservices:\n  - name: a\n    cpu: lots\n");

        var result = CliRunner.Run(dir.Path, "report", "bad.yaml", "-o", "r.html");

        result.ExitCode.ShouldBe(2);
        Position().IsMatch(result.Error).ShouldBeTrue(result.Error);
        result.Error.ShouldNotContain("   at ");
        File.Exists(Path.Combine(dir.Path, "r.html")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("--days", "0", "--days: 0 is out of range; expected 1 to 366")]
    [InlineData("--runs", "0", "--runs: 0 is out of range; expected 1 to 200")]
    [InlineData("--today", "tomorrow", "--today: 'tomorrow' is not a date (YYYY-MM-DD)")]
    public void Bad_options_exit_2(string option, string value, string message)
    {
        var result = CliRunner.InRepo("report", "examples/startup.yaml", option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    [Fact]
    public void Lint_findings_are_summarised_with_paths_relative_to_where_berth_ran()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "k8s"));
        dir.File("k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n          securityContext: { privileged: true }\n");

        var result = CliRunner.Run(dir.Path, "report", Path.Combine(RepoPaths.Examples, "startup.yaml"), "-o", "r.html", "--days", "1", "--lint", "k8s", "--today", "2026-01-01");

        result.ExitCode.ShouldBe(0, result.Error);
        var doc = Reports.Parse(File.ReadAllText(Path.Combine(dir.Path, "r.html")));
        var lint = doc.Descendants("section").Single(s => (string?)s.Attribute("id") == "lint");
        lint.Descendants("p").First().Value.ShouldStartWith("berth lint k8s: ");
        var rows = lint.Descendants("table").Single(t => (string?)t.Attribute("id") == "lint-findings").Element("tbody")!.Elements("tr").ToArray();
        rows.ShouldNotBeEmpty();
        rows.ShouldContain(r => r.Elements().Any(c => c.Value.StartsWith("k8s/deploy.yaml:", StringComparison.Ordinal)));
        rows.ShouldContain(r => r.Elements().First().Value == "K8S001" || r.Value.Contains("privileged", StringComparison.OrdinalIgnoreCase));

        // As berth lint shows it: every severity (the medium image tag too), high and above failing, notes never.
        rows.ShouldContain(r => r.Elements().First().Value == "BERTH-K8S-005" && r.Elements().ElementAt(1).Value == "medium");
        var counts = lint.Descendants("table").Single(t => (string?)t.Attribute("id") == "lint-counts");
        ((string?)counts.Element("caption") ?? counts.Value).ShouldContain("fail-on high");
        counts.Element("tbody")!.Elements("tr").Select(r => string.Join(" ", r.Elements().Select(c => c.Value))).ShouldBe([
            "critical 1 yes", "high 1 yes", "medium 7 no", "low 3 no", "note 0 no",
        ]);
        lint.Descendants("p").First().Value.ShouldContain("2 finding(s) at or above high (1 critical, 1 high), 10 below");
    }

    [Fact]
    public void Lint_of_a_missing_path_exits_2()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "report", Path.Combine(RepoPaths.Examples, "startup.yaml"), "--lint", "nowhere");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--lint: nowhere: no such file or folder");
    }

    [GeneratedRegex(@"^bad\.yaml:\d+:\d+: error: ", RegexOptions.Multiline)]
    private static partial Regex Position();
}
