using Berth.Reporting.Charts;
using Spectre.Console;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// <c>--chart FILE.png|svg</c> of cost, crossover and simulate: the report's chart for that command, dark on white,
/// written atomically. It replaces an existing file only when that file is already an image of the same kind (an
/// earlier chart), so a mistyped path never overwrites a spec or a document.
/// </summary>
public static class ChartOutput
{
    public const string Option = "--chart <FILE>";
    public const string Help = "Also write the chart to FILE: .png or .svg.";

    public static ValidationResult Check(string? path) =>
        path is null || Kind(path) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error($"--chart: '{path}' must end in .png or .svg");

    /// <summary>Where <c>--chart</c> will write, checked before the command does its work: a file that is not already
    /// an image of the same kind is refused up front, not after a long simulation. Null when <c>--chart</c> is not set.</summary>
    public static Target? Check(CliContext cli, string? path)
    {
        if (path is null)
        {
            return null;
        }

        var full = cli.Resolve(path);
        var kind = Kind(path)!;
        if (File.Exists(full) && !IsImage(full, kind))
        {
            throw new UserErrorException($"{path}: already exists and is not a {kind.ToUpperInvariant()} image; not overwritten");
        }

        return new Target(path, full, kind);
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
        SafeFileWriter.Write(target.FullPath, bytes, force: true);
        cli.Error.WriteLine($"berth: wrote {target.Path} ({c.Title})");
    }

    /// <summary>A checked <c>--chart</c> destination: the path as given, resolved, and png or svg.</summary>
    public sealed record Target(string Path, string FullPath, string Kind);

    private static string? Kind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "png",
        ".svg" => "svg",
        _ => null,
    };

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool IsImage(string path, string kind)
    {
        var head = new byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(head, 0, head.Length);
        }

        if (kind == "png")
        {
            return read >= PngSignature.Length && head.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature);
        }

        var text = System.Text.Encoding.UTF8.GetString(head, 0, read);
        return text.Contains("<svg", StringComparison.Ordinal);
    }
}
