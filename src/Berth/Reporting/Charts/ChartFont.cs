using ScottPlot;
using SkiaSharp;

namespace Berth.Reporting.Charts;

/// <summary>
/// The one font charts are drawn and measured with: DejaVu Sans, embedded (subset to Latin-1), so text renders and
/// lays out the same on every machine — with or without system fonts — and the SVG bytes do not depend on them.
/// </summary>
internal sealed class ChartFont : IFontResolver
{
    public const string Family = "DejaVu Sans";

    /// <summary>What inline SVG asks the browser for: the same face if installed, else the metrically closest ones.</summary>
    public const string CssFamilies = "DejaVu Sans, Verdana, Bitstream Vera Sans, sans-serif";

    private static readonly Lock Gate = new();
    private static bool _registered;

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold"));

    /// <summary>Puts this resolver before ScottPlot's system-font resolver (once per process).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new ChartFont());

            // New labels (titles, legends, annotations) default to this font rather than a detected system font.
            Fonts.Default = Family;
            _registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Family ? (bold ? Bold.Value : Regular.Value) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream($"Berth.Reporting.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"embedded font {name}.ttf is missing from the Berth assembly");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"embedded font {name}.ttf could not be loaded");
    }
}
