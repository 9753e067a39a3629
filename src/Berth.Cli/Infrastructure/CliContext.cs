using Spectre.Console;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Out"/> for machine-readable output (JSON, CSV, Markdown — written as is,
/// never wrapped), <see cref="Ansi"/> for tables and panels on the same stream, <see cref="Error"/> for diagnostics
/// (and progress, when <see cref="ErrorIsTerminal"/>); the clock a command reads "today" from (injected, so tests
/// and the library never read the system clock themselves).
/// </summary>
public sealed record CliContext(TextWriter Out, IAnsiConsole Ansi, TextWriter Error, string WorkingDirectory, TimeProvider Clock, bool ErrorIsTerminal = false)
{
    /// <summary>A path as the user gave it, made absolute against the working directory.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(WorkingDirectory, path);
}
