using System.Diagnostics;

namespace Berth.Tests.Generation;

/// <summary>
/// The terraform binary and the offline hashicorp/aws plugin folder (DESIGN.md: found by searching for a folder named
/// registry.terraform.io; its parent is the -plugin-dir). Looked up once per test run. Tests that need them skip
/// locally with a message and fail in CI (CI=true).
/// </summary>
internal static class Terraform
{
    private static readonly Lazy<string?> LazyBinary = new(FindBinary);
    private static readonly Lazy<string?> LazyPluginDir = new(FindPluginDir);

    public static string? Binary => LazyBinary.Value;

    public static string? PluginDir => LazyPluginDir.Value;

    public static string RequireBinary() => Require(Binary, "terraform is not on the PATH");

    public static string RequirePluginDir()
    {
        RequireBinary();
        return Require(PluginDir, "no terraform plugin folder (a folder named registry.terraform.io) was found");
    }

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(RequireBinary())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CHECKPOINT_DISABLE"] = "1";
        start.Environment["TF_IN_AUTOMATION"] = "1";
        start.Environment["TF_INPUT"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("terraform did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Require(string? value, string message)
    {
        if (value is not null)
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message + " (CI=true: terraform checks must run, not skip)");
        }

        Skip.If(true, message + ": terraform checks skipped");
        return "";
    }

    private static string? FindBinary()
    {
        var name = OperatingSystem.IsWindows() ? "terraform.exe" : "terraform";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }

    private static string? FindPluginDir()
    {
        // Likely places first (cheap), then the whole filesystem; never a fixed path.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] likely = ["/opt", "/usr/local", "/usr/share", "/usr/lib", Path.Combine(home, ".terraform.d"), Path.Combine(home, ".local/share")];
        foreach (var root in likely.Where(Directory.Exists).Append("/"))
        {
            if (Search(root) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Search(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchType = MatchType.Simple,
        };
        try
        {
            return Directory.EnumerateDirectories(root, "registry.terraform.io", options)
                .Where(d => !d.StartsWith("/proc", StringComparison.Ordinal) && !d.StartsWith("/sys", StringComparison.Ordinal))
                .Where(d => !d.Contains("/.terraform/", StringComparison.Ordinal) && Directory.Exists(Path.Combine(d, "hashicorp", "aws")))
                .Order(StringComparer.Ordinal)
                .Select(d => Path.GetDirectoryName(d))
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
