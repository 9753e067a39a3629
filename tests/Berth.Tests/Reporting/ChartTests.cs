using System.Xml.Linq;
using Berth.Reporting.Charts;
using Berth.Tests.Cli;

namespace Berth.Tests.Reporting;

/// <summary>--chart on cost, crossover and simulate, and the chart renderer itself.</summary>
public sealed class ChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("cost", "chart.png")]
    [InlineData("cost", "chart.svg")]
    [InlineData("crossover", "chart.png")]
    [InlineData("crossover", "chart.svg")]
    [InlineData("simulate", "chart.png")]
    [InlineData("simulate", "chart.svg")]
    public void Chart_writes_a_png_or_an_svg_and_leaves_stdout_to_the_format(string command, string file)
    {
        using var dir = new TempDir();
        string[] extra = command switch
        {
            "crossover" => ["--services", "1..8"],
            "simulate" => ["--days", "1"],
            _ => [],
        };

        var result = CliRunner.Run(dir.Path, [command, Path.Combine(RepoPaths.Examples, "startup.yaml"), "--chart", file, "--format", "json", .. extra]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.TrimStart().ShouldStartWith("{");
        result.Error.ShouldContain("wrote " + file);
        var path = Path.Combine(dir.Path, file);
        File.Exists(path).ShouldBeTrue();
        if (file.EndsWith(".png", StringComparison.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            bytes.AsSpan(0, 8).SequenceEqual(PngSignature).ShouldBeTrue("not a PNG");
            bytes.Length.ShouldBeGreaterThan(5_000);
        }
        else
        {
            var svg = XDocument.Load(path).Root!;
            svg.Name.ShouldBe(XName.Get("svg", "http://www.w3.org/2000/svg"));
            svg.Descendants().Count(e => e.Name.LocalName == "text").ShouldBeGreaterThan(5);
            svg.Descendants().ShouldContain(e => e.Name.LocalName == "path");
        }
    }

    [Fact]
    public void Chart_refuses_a_path_that_is_not_png_or_svg()
    {
        var result = CliRunner.InRepo("cost", "examples/startup.yaml", "--chart", "chart.pdf");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--chart: 'chart.pdf' must end in .png or .svg");
    }

    [Fact]
    public void Chart_replaces_an_earlier_chart_but_never_another_file()
    {
        using var dir = new TempDir();
        var spec = Path.Combine(RepoPaths.Examples, "startup.yaml");
        CliRunner.Run(dir.Path, "cost", spec, "--chart", "c.svg").ExitCode.ShouldBe(0);
        CliRunner.Run(dir.Path, "cost", spec, "--chart", "c.svg").ExitCode.ShouldBe(0);
        var notes = dir.File("notes.svg", "my notes");

        var result = CliRunner.Run(dir.Path, "cost", spec, "--chart", "notes.svg");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("notes.svg: already exists and is not a chart Berth wrote; not overwritten (use --force to replace it)");
        File.ReadAllText(notes).ShouldBe("my notes");
    }

    [Fact]
    public void Inline_svg_draws_ink_in_current_color_with_the_embedded_font_and_unique_ids()
    {
        var model = Reports.Model("startup");
        var svg = ChartRenderer.InlineSvg(CostChart.For(model.Cost));
        var root = XElement.Parse(svg);

        root.Name.LocalName.ShouldBe("svg");
        root.Attribute("xmlns").ShouldBeNull();
        ((string?)root.Attribute("viewBox")).ShouldBe("0 0 760 420");
        svg.ShouldContain("currentColor");
        svg.ShouldNotContain(ChartTheme.InkSentinel.ToHex()[..7], Case.Insensitive);
        svg.ShouldNotContain("fill=\"white\"");
        var texts = root.Descendants("text").ToArray();
        texts.ShouldContain(t => t.Value == "Cost (USD per month)");
        texts.ShouldAllBe(t => (string?)t.Attribute("font-family") == ChartFont.CssFamilies);
        texts.Select(t => (string?)t.Attribute("x") ?? "").ShouldAllBe(x => !x.Contains(','));
        root.Descendants().Where(e => e.Attribute("id") is not null).ShouldAllBe(e => ((string)e.Attribute("id")!).StartsWith(CostChart.Id + "-", StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_measure_text_with_the_embedded_font_not_a_system_one()
    {
        ChartRenderer.Build(CostChart.For(Reports.Model("startup").Cost), ChartTheme.ForFile);

        // The embedded subset has a few hundred glyphs; an installed DejaVu Sans has thousands.
        var regular = ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: false, italic: false);
        var bold = ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false);
        regular.GlyphCount.ShouldBeInRange(200, 1000);
        bold.GlyphCount.ShouldBeInRange(200, 1000);
        bold.IsBold.ShouldBeTrue();
    }

    [Fact]
    public void Tick_labels_are_invariant()
    {
        ChartRenderer.Tick(12345).ShouldBe("12,345");
        ChartRenderer.Tick(2.5).ShouldBe("2.5");
        ChartRenderer.Tick(0).ShouldBe("0");
    }
}
