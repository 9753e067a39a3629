using System.Diagnostics;
using System.Globalization;

namespace Berth.Tests.Support;

/// <summary>The outcome of berth run as its own process: what a user sees, including a crash (exit 134) or a hang.</summary>
public sealed record ProcessResult(int ExitCode, string Out, string Error, bool TimedOut);

/// <summary>
/// Runs the built CLI (Berth.Cli.dll beside the test binaries) in a child process, for what only a process shows:
/// a stack overflow kills the process, a closed stdout is a property of the process. Each run has a time limit and
/// a GC heap limit (<c>DOTNET_GCHeapHardLimit</c>), so an input that would exhaust memory fails the test quickly
/// instead of the machine.
/// </summary>
public static class CliProcess
{
    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, long heapLimitBytes, params string[] args) =>
        RunShell(workingDirectory, timeout, heapLimitBytes, "", args);

    /// <summary>Like <see cref="Run"/>, with <paramref name="redirection"/> (e.g. <c>"&gt;&amp;-"</c>) applied by /bin/sh.</summary>
    public static ProcessResult RunShell(string workingDirectory, TimeSpan timeout, long heapLimitBytes, string redirection, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Berth.Cli.dll");
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" \"$@\" " + redirection);
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(-1, Truncate(stdout.Result), Truncate(stderr.Result), TimedOut: true);
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, Truncate(stdout.Result), Truncate(stderr.Result), TimedOut: false);
    }

    /// <summary>A crash prints tens of thousands of frames; a test message needs the start.</summary>
    private static string Truncate(string text) => text.Length > 4000 ? text[..4000] + "…" : text;
}
