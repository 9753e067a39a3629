namespace Berth.Tests.Support;

/// <summary>
/// The shared/data/aws fact folder beside the project. Tests that need it skip with a plain message when it is
/// missing on a developer's machine, and fail in CI (CI=true), where it must be present.
/// </summary>
public static class SharedFacts
{
    public static string? Folder
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Berth.Tests.Cli.RepoPaths.Root, "..", "shared", "data", "aws"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    public static string Require()
    {
        if (Folder is { } f)
        {
            return f;
        }

        const string message = "../shared/data/aws is missing beside the project root: this test needs the shared AWS fact files";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message + " (CI=true: it must not skip)");
        }

        Skip.If(true, message);
        return "";
    }
}
