using System.Globalization;
using System.Text;
using Berth.Generation;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// The one place generated files reach the disk: stamps each with its header hash, writes only what changed, never
/// replaces a file the user edited unless forced, and writes each file atomically (temp file + rename).
/// </summary>
public static class GeneratedOutputWriter
{
    public static int Write(CliContext cli, string outputDirectory, IReadOnlyList<GeneratedFile> files, bool force, bool dryRun)
    {
        var root = Path.GetFullPath(cli.Resolve(outputDirectory));
        if (File.Exists(root))
        {
            throw new UserErrorException($"{outputDirectory}: is a file; expected an output folder");
        }

        var stamped = files.Select(GeneratedHeader.Stamp).ToArray();
        var plan = WritePlan.Build(stamped, rel => Read(Full(root, rel)), force);
        var shown = outputDirectory.TrimEnd('/', '\\');

        if (dryRun)
        {
            foreach (var p in plan)
            {
                cli.Out.WriteLine($"{Verb(p.Action),-9} {shown}/{p.Path}");
            }

            cli.Out.WriteLine(Summary(plan) + " (dry run: nothing written)");
            return ExitCodes.Ok;
        }

        var conflicts = plan.Where(p => p.Action == WriteAction.Conflict).ToArray();
        if (conflicts.Length > 0)
        {
            throw new UserErrorException(conflicts
                .Select(c => $"{shown}/{c.Path}: edited since Berth generated it (its header hash no longer matches); not overwritten")
                .Append($"{conflicts.Length.ToString(CultureInfo.InvariantCulture)} edited file(s): nothing written; move your edits into the spec, or use --force to replace them")
                .ToArray());
        }

        foreach (var p in plan.Where(p => p.Action is WriteAction.Create or WriteAction.Update))
        {
            WriteAtomically(Full(root, p.Path), p.Content);
        }

        foreach (var p in plan.Where(p => p.Action is WriteAction.Create or WriteAction.Update))
        {
            cli.Out.WriteLine($"{Verb(p.Action),-9} {shown}/{p.Path}");
        }

        cli.Out.WriteLine(Summary(plan));
        return ExitCodes.Ok;
    }

    private static string Full(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"generated path {relative} leaves the output folder");
        }

        return full;
    }

    private static string? Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UserErrorException($"{path}: is a folder where Berth generates a file");
        }

        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static void WriteAtomically(string path, string content)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + ".berth-tmp");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new UserErrorException($"{path}: cannot be written: {e.Message}", e);
        }
    }

    private static string Verb(WriteAction action) => action switch
    {
        WriteAction.Create => "create",
        WriteAction.Update => "update",
        WriteAction.Unchanged => "unchanged",
        _ => "conflict",
    };

    private static string Summary(IReadOnlyList<PlannedWrite> plan)
    {
        string N(WriteAction a) => plan.Count(p => p.Action == a).ToString(CultureInfo.InvariantCulture);
        var summary = $"{N(WriteAction.Create)} created, {N(WriteAction.Update)} updated, {N(WriteAction.Unchanged)} unchanged";
        return plan.Any(p => p.Action == WriteAction.Conflict) ? summary + $", {N(WriteAction.Conflict)} edited (conflict)" : summary;
    }
}
