using System.Text;

namespace Berth.Cli.Infrastructure;

/// <summary>The one place that writes user files: atomically (temp file, then rename), and never over an existing file unless forced.</summary>
public static class SafeFileWriter
{
    public static void Write(string path, string content, bool force) => Write(path, new UTF8Encoding(false).GetBytes(content), force);

    public static void Write(string path, byte[] content, bool force)
    {
        if (Directory.Exists(path))
        {
            throw new UserErrorException($"{path}: is a directory; expected a file path");
        }

        if (File.Exists(path) && !force)
        {
            throw new UserErrorException($"{path}: already exists; not overwritten (use --force to replace it)");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + ".berth-tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, path, overwrite: force);
        }
        catch (IOException e)
        {
            File.Delete(temp);
            throw new UserErrorException($"{path}: cannot be written: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            File.Delete(temp);
            throw new UserErrorException($"{path}: cannot be written: {e.Message}", e);
        }
    }
}
