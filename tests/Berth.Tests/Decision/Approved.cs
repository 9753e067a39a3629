namespace Berth.Tests.Decision;

/// <summary>
/// A small approved-file check: compares output with a checked-in file; on a difference (or a missing file) writes
/// <c>*.received.*</c> next to it for review and fails. Approve by renaming the received file.
/// </summary>
internal static class Approved
{
    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(TestsRoot(), relativePath);
        var received = Path.ChangeExtension(path, ".received" + Path.GetExtension(path));
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, actual);
        actual.ShouldBe(expected, $"{relativePath} differs; review {received} and rename it to approve.");
    }

    private static string TestsRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Berth.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..");
    }
}
