using Berth.Files;

namespace Berth.Cli.Infrastructure;

/// <summary>The paths given to lint (by <c>berth lint</c> and <c>berth report --lint</c>), checked before the lint
/// runs: each must be a folder or a regular file, so a FIFO or a device is exit 2 naming it rather than a hang.</summary>
public static class LintInputs
{
    /// <summary>A baseline lists findings by rule, file and address; tens of thousands fit in a few MiB.</summary>
    public const long MaxBaselineBytes = 64 * InputFile.MiB;

    /// <summary>Folders or files to lint, resolved against the working folder.</summary>
    public static List<string> Paths(CliContext cli, IReadOnlyList<string> given, string option)
    {
        var resolved = given.Select(cli.Resolve).ToList();
        foreach (var (shown, path) in given.Zip(resolved))
        {
            var kind = FileKinds.Of(path);
            if (kind == FileKind.Missing)
            {
                throw new UserErrorException($"{option}{shown}: no such file or folder");
            }

            if (kind is not (FileKind.Directory or FileKind.Regular))
            {
                throw new UserErrorException($"{option}{shown}: is {FileKinds.Describe(kind)}, not a regular file or a folder; Berth reads only regular files");
            }
        }

        return resolved;
    }

    /// <summary>Files (tfvars) that must each be a regular file.</summary>
    public static List<string> Files(CliContext cli, IReadOnlyList<string> given, string option)
    {
        var resolved = given.Select(cli.Resolve).ToList();
        foreach (var (shown, path) in given.Zip(resolved))
        {
            try
            {
                InputFile.CheckReadable(path);
            }
            catch (InputFileException e)
            {
                throw new UserErrorException($"{option}{shown}: {(e.Problem == InputProblem.NotFound ? "no such file" : e.Reason)}", e);
            }
        }

        return resolved;
    }
}
