namespace Berth.Generation;

public enum WriteAction
{
    Create,
    Update,
    Unchanged,

    /// <summary>The file on disk was edited (or is not Berth's): left alone unless forced.</summary>
    Conflict,
}

public sealed record PlannedWrite(string Path, WriteAction Action, string Content);

/// <summary>
/// Decides, file by file, what writing a generator's output would do, from what is on disk now. Pure: the caller
/// reads the existing files and performs the writes.
/// </summary>
public static class WritePlan
{
    /// <param name="files">Stamped files (see <see cref="GeneratedHeader.Stamp"/>).</param>
    /// <param name="existing">The current text of a path relative to the output folder, or null when it does not exist.</param>
    /// <param name="force">Replace edited files too.</param>
    public static IReadOnlyList<PlannedWrite> Build(IReadOnlyList<GeneratedFile> files, Func<string, string?> existing, bool force) =>
        files
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new PlannedWrite(f.Path, Decide(f, existing(f.Path), force), f.Content))
            .ToArray();

    private static WriteAction Decide(GeneratedFile file, string? current, bool force)
    {
        if (current is null)
        {
            return WriteAction.Create;
        }

        if (string.Equals(current, file.Content, StringComparison.Ordinal))
        {
            return WriteAction.Unchanged;
        }

        return GeneratedHeader.Check(file.Path, current) == HeaderState.Intact || force ? WriteAction.Update : WriteAction.Conflict;
    }
}
