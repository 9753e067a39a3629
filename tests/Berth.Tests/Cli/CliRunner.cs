using Berth.Cli;

namespace Berth.Tests.Cli;

/// <summary>Runs the real command tree in-process, capturing both streams.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <summary>Runs with the clock given (null: the system clock), for what depends on today's date.</summary>
    public static CliResult Run(string workingDirectory, TimeProvider? clock, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = BerthApp.Run(args, stdout, stderr, interactive: false, workingDirectory: workingDirectory, width: 120, clock: clock);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static CliResult InRepo(params string[] args) => Run(RepoPaths.Root, args);
}

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding Berth.slnx, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Berth.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Berth.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder that removes itself.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "berth-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
