using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Berth.Reporting;
using Berth.Tests.Decision;

namespace Berth.Tests.Reporting;

/// <summary>
/// The report's structure for each example — sections, headings, figures with their chart titles, tables with their
/// captions and columns, the chart count — against an approved outline (Reporting/Approved/&lt;example&gt;.outline.txt).
/// Figures are left out on purpose: the engines' numbers have their own tests. BERTH_APPROVE=1 rewrites the files.
/// </summary>
public sealed class ReportStructureTests
{
    public static TheoryData<string> Examples() => new(Reports.Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_outline_matches_the_approved_one(string example)
    {
        var outline = Outline(Reports.Parse(Reports.Html(example)));
        var relative = $"Reporting/Approved/{example}.outline.txt";
        if (Environment.GetEnvironmentVariable("BERTH_APPROVE") == "1")
        {
            var path = Path.Combine(Cli.RepoPaths.Root, "tests", "Berth.Tests", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, outline);
        }

        Approved.Verify(relative, outline);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_section_is_there_in_order_even_when_its_engine_has_nothing(string example)
    {
        var doc = Reports.Parse(Reports.Html(example));
        var sections = doc.Descendants("section").Select(s => (string?)s.Attribute("id")).ToArray();
        sections.ShouldBe(Berth.Reporting.ReportHtml.Sections.Select(s => s.Id));
        var lint = doc.Descendants("section").Single(s => (string?)s.Attribute("id") == "lint");
        lint.Descendants("p").ShouldContain(p => p.Value.Contains("--lint PATH", StringComparison.Ordinal));
    }

    [Fact]
    public void The_platform_report_has_eight_charts_each_beside_a_table()
    {
        var doc = Reports.Parse(Reports.Html("platform"));
        var figures = doc.Descendants("figure").ToArray();
        figures.Length.ShouldBe(8);
        foreach (var f in figures)
        {
            f.Elements("svg").Count().ShouldBe(1);
            var pair = f.Parent!;
            ((string?)pair.Attribute("class") ?? "").ShouldStartWith("pair");
            pair.Descendants("table").ShouldNotBeEmpty($"{f.Attribute("id")} has no table of its figures");
        }
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void The_simulation_table_shows_p50_and_p95_over_the_default_runs(string example)
    {
        var model = Reports.Model(example);
        var sim = model.Simulation.Value.ShouldNotBeNull();
        sim.Settings.Runs.ShouldBe(ReportOptions.DefaultRuns);
        var doc = Reports.Parse(Reports.Html(example));
        var table = doc.Descendants("table").Single(t => (string?)t.Attribute("id") == "simulation-summary");
        table.Element("caption")!.Value.ShouldBe($"Simulation summary over {ReportOptions.DefaultRuns} runs: p50 / p95");

        var rows = table.Descendants("tr").Skip(1).ToArray();
        rows.Length.ShouldBe(sim.Options.Count);
        foreach (var (row, option) in rows.Zip(sim.Options))
        {
            var cells = row.Elements().Select(c => c.Value).ToArray();
            cells[0].ShouldBe(option.Id);
            var cost = option.Summary.MonthlyUsd;
            cells[1].ShouldBe(cost.P50.ToString("#,##0.00", CultureInfo.InvariantCulture) + " / " + cost.P95.ToString("#,##0.00", CultureInfo.InvariantCulture));
            var shortfall = option.Summary.ShortfallMinutesPerDay;
            cells[2].ShouldBe(shortfall.P50.ToString("0.#", CultureInfo.InvariantCulture) + " / " + shortfall.P95.ToString("0.#", CultureInfo.InvariantCulture));

            // The percentiles are over every run: each run's monthly cost is plotted, and p50 lies within them.
            option.MonthlyUsdByRun.Count.ShouldBe(ReportOptions.DefaultRuns);
            cost.P50.ShouldBeInRange(option.MonthlyUsdByRun.Min(), option.MonthlyUsdByRun.Max());
            option.ShortfallMinutesByDay.Count.ShouldBe(ReportOptions.DefaultRuns * sim.Settings.Days);
        }
    }

    public static TheoryData<string> ExampleNames() => new(Reports.Examples);

    internal static string Outline(XDocument doc)
    {
        var sb = new StringBuilder();
        var body = doc.Root!.Element("body")!;
        foreach (var h1 in body.Descendants("h1"))
        {
            sb.Append("h1 ").Append(h1.Value).Append('\n');
        }

        foreach (var section in body.Descendants("section"))
        {
            sb.Append("section #").Append((string?)section.Attribute("id")).Append(": ").Append(section.Element("h2")?.Value).Append('\n');
            foreach (var e in section.Descendants())
            {
                switch (e.Name.LocalName)
                {
                    case "h3":
                        sb.Append("  h3 ").Append(e.Value).Append('\n');
                        break;
                    case "figure":
                        var svg = e.Element("svg")!;
                        sb.Append("  figure #").Append((string?)e.Attribute("id")).Append(": ").Append(svg.Element("title")?.Value).Append('\n');
                        break;
                    case "table":
                        var headers = e.Element("thead")!.Descendants("th").Select(th => th.Value);
                        sb.Append("  table").Append(e.Attribute("id") is { } id ? " #" + id.Value : "").Append(": ").Append(e.Element("caption")?.Value)
                            .Append(" [").Append(string.Join(" | ", headers)).Append("]\n");
                        break;
                    case "p" when (string?)e.Attribute("class") == "unavailable":
                        sb.Append("  unavailable: ").Append(e.Value).Append('\n');
                        break;
                    case "details":
                        // Counts in summaries follow the engines' numbers, not the report's structure.
                        sb.Append("  details: ").Append(Regex.Replace(e.Element("summary")?.Value ?? "", @"\d+", "N")).Append('\n');
                        break;
                }
            }
        }

        sb.Append("charts: ").Append(body.Descendants("svg").Count()).Append('\n');
        return sb.ToString();
    }
}
