using System.Globalization;

namespace Berth.Cli.Rendering;

/// <summary>A plain-text line chart for terminals: one marker per series, a y axis with values, an x axis with its range.</summary>
public static class TextChart
{
    private const string Markers = "*o+x#@";

    public static IReadOnlyList<string> Lines(double[] x, (string Name, double[] Values)[] series, int width, int height)
    {
        var all = series.SelectMany(s => s.Values).ToArray();
        if (x.Length == 0 || all.Length == 0)
        {
            return [];
        }

        var min = Math.Min(0, all.Min());
        var max = all.Max();
        if (max <= min)
        {
            max = min + 1;
        }

        var grid = new char[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                grid[r, c] = ' ';
            }
        }

        for (var s = 0; s < series.Length; s++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var col = x.Length == 1 ? 0 : (int)Math.Round((x[i] - x[0]) / (x[^1] - x[0]) * (width - 1));
                var row = (int)Math.Round((series[s].Values[i] - min) / (max - min) * (height - 1));
                grid[height - 1 - row, col] = Markers[s % Markers.Length];
            }
        }

        var labelWidth = Label(max).Length;
        var lines = new List<string>();
        for (var r = 0; r < height; r++)
        {
            var value = max - ((max - min) * r / (height - 1));
            var label = r % 3 == 0 || r == height - 1 ? Label(value).PadLeft(labelWidth) : new string(' ', labelWidth);
            var row = new char[width];
            for (var c = 0; c < width; c++)
            {
                row[c] = grid[r, c];
            }

            lines.Add(label + " |" + new string(row).TrimEnd());
        }

        lines.Add(new string(' ', labelWidth) + " +" + new string('-', width));
        var left = x[0].ToString("0", CultureInfo.InvariantCulture);
        var right = x[^1].ToString("0", CultureInfo.InvariantCulture) + " services";
        lines.Add(new string(' ', labelWidth + 2) + left + right.PadLeft(Math.Max(1, width - left.Length)));
        lines.Add(new string(' ', labelWidth + 2) + string.Join("   ", series.Select((s, i) => $"{Markers[i % Markers.Length]} {s.Name}")));
        return lines;
    }

    private static string Label(double v) => "$" + v.ToString("#,##0", CultureInfo.InvariantCulture);
}
