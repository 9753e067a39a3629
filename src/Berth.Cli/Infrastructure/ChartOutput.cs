using Berth.Reporting.Charts;
using Spectre.Console;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// <c>--chart FILE.png|svg</c> of cost, crossover and simulate: the report's chart for that command, dark on white,
/// written by <see cref="SafeFileWriter"/>. It replaces an existing file only when Berth drew it (its
/// <see cref="ChartSignature"/>), or any regular file with <c>--force</c>, so a mistyped path never overwrites a
/// spec, a document or the user's own drawing.
/// </summary>
public static class ChartOutput
{
    public const string Option = "--chart <FILE>";
    public const string Help = "Also write the chart to FILE: .png or .svg.";
    public const string ForceOption = "--force";
    public const string ForceHelp = "Replace the --chart file even if Berth did not draw it.";

    public static ValidationResult Check(string? path) =>
        path is null || Kind(path) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error($"--chart: '{path}' must end in .png or .svg");

    /// <summary>Where <c>--chart</c> will write, checked before the command does its work: a file Berth did not draw
    /// is refused up front, not after a long simulation. Null when <c>--chart</c> is not set.</summary>
    public static Target? Check(CliContext cli, string? path, bool force)
    {
        if (path is null)
        {
            return null;
        }

        var kind = Kind(path)!;
        var owner = new Ownership("chart", head => ChartSignature.IsBerths(head, kind));
        return new Target(path, SafeFileWriter.Check(path, cli.Resolve(path), owner, force), kind, owner, force);
    }

    /// <summary>Writes the chart when there is a target; a note goes to stderr so stdout stays machine-readable.</summary>
    public static void Write(CliContext cli, Target? target, Func<Chart> chart)
    {
        if (target is null)
        {
            return;
        }

        var c = chart();
        var bytes = target.Kind == "png" ? ChartRenderer.Png(c) : System.Text.Encoding.UTF8.GetBytes(ChartRenderer.SvgFile(c));
        SafeFileWriter.Write(target.Path, target.Destination.FullPath, bytes, target.Owner, target.Force);
        cli.Error.WriteLine($"berth: wrote {target.Path} ({c.Title})");
    }

    /// <summary>A checked <c>--chart</c> destination: the path as given, where it goes, png or svg, and who may be replaced.</summary>
    public sealed record Target(string Path, SafeFileWriter.Destination Destination, string Kind, Ownership Owner, bool Force);

    private static string? Kind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "png",
        ".svg" => "svg",
        _ => null,
    };
}
