using Berth.Spec;

namespace Berth.Cli.Infrastructure;

/// <summary>Loads the spec a command was given, turning every load error into exit code 2.</summary>
public static class SpecInput
{
    public static BerthSpec Load(CliContext context, string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(context.WorkingDirectory, path);
        var result = SpecLoader.LoadFile(full);
        if (!result.Succeeded || result.Spec is null)
        {
            // Report positions against the path as the user wrote it.
            throw new UserErrorException(result.Errors
                .Select(e => e with { Location = e.Location with { File = path } })
                .Select(e => e.ToString())
                .ToArray());
        }

        return result.Spec with { SourcePath = path };
    }
}
