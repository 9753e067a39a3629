using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Berth.Reporting.Charts;

/// <summary>Draws a <see cref="Chart"/> with ScottPlot as inline SVG (for the report), an SVG file or a PNG file.</summary>
public static partial class ChartRenderer
{
    /// <summary>SVG to put inside HTML: no XML declaration or namespaces, a viewBox, ids prefixed with the chart id,
    /// <c>role="img"</c> with a title and description, and ink drawn in <c>currentColor</c>.</summary>
    public static string InlineSvg(Chart chart)
    {
        var svg = Clean(Build(chart, ChartTheme.ForInline).GetSvgXml(chart.Width, chart.Height), chart, inline: true);
        return svg.Replace(Hex(ChartTheme.InkSentinel), "currentColor", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A standalone SVG document, dark on white.</summary>
    public static string SvgFile(Chart chart) =>
        ChartSignature.SignSvg("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + Clean(Build(chart, ChartTheme.ForFile).GetSvgXml(chart.Width, chart.Height), chart, inline: false));

    /// <summary>A PNG image at twice the CSS size, so it stays sharp on high-density screens and in documents.</summary>
    public static byte[] Png(Chart chart)
    {
        var plot = Build(chart, ChartTheme.ForFile);
        plot.ScaleFactor = 2;
        return ChartSignature.SignPng(plot.GetImageBytes(chart.Width * 2, chart.Height * 2, ImageFormat.Png));
    }

    /// <summary>The plot in a theme: the embedded font, theme colours, invariant tick labels, then the chart's own drawing.</summary>
    public static Plot Build(Chart chart, ChartTheme theme)
    {
        ChartFont.Register();
        var plot = new Plot();
        chart.Draw(plot, theme);
        plot.Font.Set(ChartFont.Family);
        plot.FigureBackground.Color = theme.Background;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Axes.Color(theme.Ink);
        plot.Axes.FrameColor(theme.Ink.WithAlpha(0.5));
        plot.Grid.MajorLineColor = theme.Grid;
        plot.Legend.FontColor = theme.Ink;
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.BackgroundColor = theme.Background;
        plot.Legend.OutlineColor = theme.Ink.WithAlpha(0.4);
        plot.Legend.ShadowColor = Colors.Transparent;
        foreach (var axis in plot.Axes.GetAxes())
        {
            if (axis.TickGenerator is NumericAutomatic automatic)
            {
                automatic.LabelFormatter = Tick;
            }
        }

        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>())
        {
            text.LabelStyle.FontName = ChartFont.Family;
        }

        return plot;
    }

    /// <summary>Tick labels in the invariant culture, with thousands separators and no needless decimals.</summary>
    public static string Tick(double value) =>
        Math.Abs(value) >= 1000 || value == Math.Round(value)
            ? value.ToString("#,##0", CultureInfo.InvariantCulture)
            : value.ToString("#,##0.###", CultureInfo.InvariantCulture);

    private static string Hex(Color c) => "#" + c.ToHex()[^6..];

    private static string Clean(string svg, Chart chart, bool inline)
    {
        svg = XmlDeclaration().Replace(svg, "");

        // Skia writes per-glyph positions as "x0, x1, " — the trailing separator is not a valid SVG list and the
        // browser reports it as an error; keep the positions, separated by spaces.
        svg = GlyphPositions().Replace(svg, m =>
            $" {m.Groups[1].Value}=\"{string.Join(' ', m.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}\"");
        svg = svg.Replace($"font-family=\"{ChartFont.Family}\"", $"font-family=\"{ChartFont.CssFamilies}\"", StringComparison.Ordinal);

        // Skia numbers clip paths from a process-wide counter, and several charts share one HTML document: renumber
        // every id in order of appearance under the chart's id, so ids are unique and the bytes repeatable.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(svg))
        {
            ids.TryAdd(m.Groups[1].Value, string.Create(CultureInfo.InvariantCulture, $"{chart.Id}-{ids.Count + 1}"));
        }

        svg = IdReference().Replace(svg, m => ids.TryGetValue(m.Groups[2].Value, out var renamed)
            ? m.Groups[1].Value + renamed + m.Groups[3].Value
            : throw new InvalidOperationException($"chart {chart.Id} refers to an unknown id {m.Groups[2].Value}"));

        var root = RootElement().Match(svg);
        if (!root.Success)
        {
            throw new InvalidOperationException("the chart renderer produced no <svg> root element");
        }

        var w = chart.Width.ToString(CultureInfo.InvariantCulture);
        var h = chart.Height.ToString(CultureInfo.InvariantCulture);
        var open = new StringBuilder("<svg");
        if (!inline)
        {
            open.Append(" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(w).Append("\" height=\"").Append(h).Append('"');
        }
        else
        {
            open.Append(" class=\"chart\"");
        }

        open.Append(" viewBox=\"0 0 ").Append(w).Append(' ').Append(h).Append("\" role=\"img\"")
            .Append(" aria-labelledby=\"").Append(chart.Id).Append("-title ").Append(chart.Id).Append("-desc\">")
            .Append("<title id=\"").Append(chart.Id).Append("-title\">").Append(HtmlWriter.Escape(chart.Title)).Append("</title>")
            .Append("<desc id=\"").Append(chart.Id).Append("-desc\">").Append(HtmlWriter.Escape(chart.Description)).Append("</desc>");
        var body = svg[(root.Index + root.Length)..];

        // Indentation only: drop it so the page stays small, and trim text content so glyph i sits at position i.
        body = Indentation().Replace(body, "\n");
        body = TextContent().Replace(body, m => ">" + m.Groups[1].Value + "</text>");
        return open + body.TrimEnd() + "\n";
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@" (x|y)=""([^""]*,[^""]*)""")]
    private static partial Regex GlyphPositions();

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"(\bid=""|url\(#|href=""#)([^""#)]+)(""|\))")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex RootElement();

    [GeneratedRegex(@">\s*([^<]*?)\s*</text>")]
    private static partial Regex TextContent();

    [GeneratedRegex(@"\n[\t ]+")]
    private static partial Regex Indentation();
}
