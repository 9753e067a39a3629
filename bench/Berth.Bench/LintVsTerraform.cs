using System.Diagnostics;
using System.Globalization;

namespace Berth.Bench;

/// <summary>
/// `-- lint-vs-terraform [files]`: writes the seeded corpus once, then runs `berth lint --format sarif` (the CLI
/// itself, built beside this program, in a fresh process) and `terraform fmt -check -recursive` on it, each under
/// /usr/bin/time, and prints wall-clock, CPU (user+sys) and peak RSS for both and the ratios. CPU time is the fair
/// comparison on a shared machine: wall-clock moves with whatever else is running.
/// </summary>
public static class LintVsTerraform
{
    public sealed record Measured(string Name, double WallSeconds, double UserSeconds, double SysSeconds, long PeakRssKb, int ExitCode)
    {
        public double CpuSeconds => UserSeconds + SysSeconds;
    }

    public static int Run(string[] args)
    {
        var files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var root = Path.Combine(Path.GetTempPath(), "berth-lint-vs-terraform-" + files.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var stats = LintCorpus.Write(root, files, seed: 7);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus: {stats.Files:N0} .tf files, {stats.Lines:N0} lines, {stats.Bytes / 1e6:0.0} MB (seed 7) in {root}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        try
        {
            // The apphost of src/Berth.Cli, copied here as a project reference: what a user runs, output and all.
            var cli = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Berth.Cli.exe" : "Berth.Cli");
            for (var round = 1; round <= rounds; round++)
            {
                var berth = Time("berth lint", cli, ["lint", "--format", "sarif", "--today", "2026-11-26", root]);
                var terraform = Time("terraform fmt", "terraform", ["fmt", "-check", "-recursive", root]);
                foreach (var m in new[] { berth, terraform })
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round} | {m.Name,-14} | wall {m.WallSeconds,6:0.00} s | cpu {m.CpuSeconds,6:0.00} s (user {m.UserSeconds:0.00} + sys {m.SysSeconds:0.00}) | peak RSS {m.PeakRssKb / 1024.0,6:0} MB | exit {m.ExitCode}"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} | terraform / berth: wall {terraform.WallSeconds / berth.WallSeconds:0.0}×, cpu {terraform.CpuSeconds / berth.CpuSeconds:0.0}× | load average now {LoadAverage()}"));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static Measured Time(string name, string file, string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("BERTH_TIME %e %U %S %M");
        info.ArgumentList.Add(file);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start /usr/bin/time");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        var line = stderr.Split('\n').LastOrDefault(l => l.StartsWith("BERTH_TIME ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException(name + ": no timing in: " + stderr[..Math.Min(stderr.Length, 2000)]);
        var parts = line.Split(' ');
        return new Measured(name,
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture),
            long.Parse(parts[4], CultureInfo.InvariantCulture),
            process.ExitCode);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
