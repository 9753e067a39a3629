using System.Runtime.InteropServices;
using System.Text;
using Berth.Tests.Cli;

namespace Berth.Tests.Support;

/// <summary>FIFOs, links and time limits for the tests of what Berth refuses to read or write.</summary>
public static class SpecialFiles
{
    /// <summary>A named pipe: opening it to read blocks until a writer comes, so a reader that does not check hangs.</summary>
    public static string Fifo(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Libc.mkfifo(Encoding.UTF8.GetBytes(path + "\0"), Convert.ToUInt32("644", 8)).ShouldBe(0, "mkfifo " + path);
        return path;
    }

    /// <summary>Runs the CLI in-process and fails (rather than hanging the suite) when it has not finished in time.</summary>
    public static CliResult RunWithin(TimeSpan limit, string workingDirectory, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(workingDirectory, args));
        run.Wait(limit).ShouldBeTrue($"berth {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s");
        return run.Result;
    }

    public static CliResult RunWithin(string workingDirectory, params string[] args) => RunWithin(TimeSpan.FromSeconds(60), workingDirectory, args);

    private static class Libc
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, IDE1006 // the C function's name
        public static extern int mkfifo(byte[] path, uint mode);
#pragma warning restore SA1300, IDE1006
    }
}
