using ScottPlot;

namespace Berth.Reporting.Charts;

/// <summary>
/// One chart, independent of where it is drawn: an id (unique within a report), a title, a text description for
/// screen readers and the alt text, its size in CSS pixels, and how to draw it on a ScottPlot plot in a theme.
/// </summary>
public sealed record Chart(string Id, string Title, string Description, int Width, int Height, Action<Plot, ChartTheme> Draw);

/// <summary>
/// Where a chart is drawn. Inline charts (in the HTML report) have no background and draw text, axes and grid in
/// <see cref="InkSentinel"/>, which becomes <c>currentColor</c> so the page's light or dark colour scheme applies;
/// chart files (<c>--chart</c>) are drawn dark on white.
/// </summary>
public sealed record ChartTheme(Color Ink, Color Background, bool Inline)
{
    /// <summary>A colour no series uses, replaced by <c>currentColor</c> in inline SVG.</summary>
    public static readonly Color InkSentinel = Color.FromHex("#010203");

    public static ChartTheme ForInline { get; } = new(InkSentinel, Colors.Transparent, true);

    public static ChartTheme ForFile { get; } = new(Color.FromHex("#24292F"), Colors.White, false);

    public Color Grid => Ink.WithAlpha(0.14);
}

/// <summary>
/// Series colours from the Okabe–Ito palette (distinguishable with colour-vision deficiencies), mid-luminance ones
/// only, so each reads on a white and on a near-black page.
/// </summary>
public static class ChartPalette
{
    private static readonly Color[] Series =
    [
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#8C8C8C"), // grey
    ];

    /// <summary>Each costed option keeps one colour in every chart.</summary>
    public static Color Option(string id) => id switch
    {
        "ecs-fargate" => Series[0],
        "eks-karpenter" => Series[1],
        "eks-nodegroups" => Series[2],
        "eks-fargate" => Series[3],
        _ => Series[4],
    };

    /// <summary>Line-item groups of a bill; engineering time is grey so it reads as distinct from infrastructure.</summary>
    public static Color Group(string group, int index) => group switch
    {
        "compute" => Series[1],
        "spot" => Series[2],
        "control plane" => Series[0],
        "storage" => Series[3],
        "discount" => Series[4],
        "engineering time" => Series[5],
        _ => Series[index % 5],
    };

    public static Color At(int index) => Series[index % Series.Length];
}
