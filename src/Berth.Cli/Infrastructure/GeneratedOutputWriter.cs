using System.Globalization;
using System.Text;
using Berth.Files;
using Berth.Generation;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// How generated files reach the disk: stamps each with its header hash, plans the writes (<see cref="WritePlan"/>),
/// writes only what changed, never replaces a file the user edited unless forced, and hands every file to
/// <see cref="SafeFileWriter"/> — which refuses folders, devices, FIFOs and links leading out of the output folder.
/// </summary>
public static class GeneratedOutputWriter
{
    public static int Write(CliContext cli, string outputDirectory, IReadOnlyList<GeneratedFile> files, bool force, bool dryRun)
    {
        var root = Path.GetFullPath(cli.Resolve(outputDirectory));
        var rootKind = FileKinds.Of(root);
        if (rootKind is not (FileKind.Directory or FileKind.Missing))
        {
            throw new UserErrorException($"{outputDirectory}: is {FileKinds.Describe(rootKind)}; expected an output folder");
        }

        var shown = outputDirectory.TrimEnd('/', '\\');
        var stamped = files.Select(GeneratedHeader.Stamp).ToArray();

        // Every destination is checked before anything is read or written: a FIFO is never opened, a device or a
        // link out of the folder refuses the whole run. The plan decides which regular files may be replaced.
        var destinations = stamped.ToDictionary(
            f => f.Path,
            f => SafeFileWriter.Check($"{shown}/{f.Path}", Full(root, f.Path), Generated, force: true, boundary: root),
            StringComparer.Ordinal);
        var plan = WritePlan.Build(stamped, rel => Read(destinations[rel]), force);

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
            SafeFileWriter.Write(destinations[p.Path], new UTF8Encoding(false).GetBytes(p.Content));
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

    /// <summary>Generated files are recognised by their header; <see cref="WritePlan"/> tells intact from edited ones.</summary>
    private static readonly Ownership Generated = Ownership.Text("generated file", GeneratedHeader.Marker);

    /// <summary>Generated files are small; a file far larger than any is not one Berth wrote.</summary>
    private const long MaxExistingBytes = 64 * InputFile.MiB;

    private static string? Read(SafeFileWriter.Destination destination)
    {
        if (!destination.Exists)
        {
            return null;
        }

        try
        {
            return InputFile.ReadAllText(destination.FullPath, MaxExistingBytes);
        }
        catch (IOException e)
        {
            throw new UserErrorException($"{destination.Shown}: {(e is InputFileException f ? f.Reason : IoFailure.Reason(e))}; Berth cannot tell whether it may replace it", e);
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
