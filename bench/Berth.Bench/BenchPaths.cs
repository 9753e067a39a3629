namespace Berth.Bench;

/// <summary>Where the benchmarks find the repository's files (examples, the lint corpus).</summary>
internal static class BenchPaths
{
    /// <summary>The folder holding Berth.slnx, found from the benchmark binaries upwards; else the working folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Berth.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
