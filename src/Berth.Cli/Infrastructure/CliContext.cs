using Spectre.Console;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Out"/> for machine-readable output (JSON, CSV, Markdown — written as is,
/// never wrapped), <see cref="Ansi"/> for tables and panels on the same stream, <see cref="Error"/> for diagnostics.
/// </summary>
public sealed record CliContext(TextWriter Out, IAnsiConsole Ansi, TextWriter Error, string WorkingDirectory)
{
    /// <summary>A path as the user gave it, made absolute against the working directory.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(WorkingDirectory, path);
}
