using System.Text;
using Berth.Files;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// The one place Berth writes a file (baselines, charts, reports, catalogs, specs, generated code): atomically
/// (a uniquely named temporary file beside the target, flushed, then renamed over it), and only over a regular file
/// Berth wrote (or any regular file with --force) — never over a folder, a FIFO, a device or a socket, and never
/// through a link to somewhere outside the output's folder. Every failure is a <see cref="UserErrorException"/>
/// naming the path and what to do.
/// </summary>
public static class SafeFileWriter
{
    /// <summary>How much of an existing file is read to recognise it as Berth's.</summary>
    public const int HeadBytes = 4096;

    private static long s_temporaries;

    /// <summary>A checked destination: the path shown to the user and the file the bytes go to (an in-folder link's target).</summary>
    public sealed record Destination(string Shown, string FullPath, bool Exists);

    /// <summary>
    /// Checks that the path can be written, before any work is done, and says where the bytes will go. Throws a
    /// <see cref="UserErrorException"/> when it cannot be.
    /// </summary>
    /// <param name="shown">The path as the user wrote it, for messages.</param>
    /// <param name="path">The path resolved against the working folder.</param>
    /// <param name="owner">Which existing file may be replaced without --force.</param>
    /// <param name="force">Replace any existing regular file.</param>
    /// <param name="boundary">Links must stay inside this folder (default: the output's own folder).</param>
    public static Destination Check(string shown, string path, Ownership owner, bool force, string? boundary = null)
    {
        if (path.Length == 0 || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
        {
            throw new UserErrorException($"{shown}: expected a file path, not a folder");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? full;
        var fence = Path.GetFullPath(boundary ?? folder);
        string target;
        try
        {
            target = Follow(shown, full, fence);
            CheckFolder(shown, Path.GetDirectoryName(target) ?? target, fence);
        }
        catch (IOException e)
        {
            throw new UserErrorException($"{shown}: cannot be written: {e.Message.TrimEnd('.')}", e);
        }

        var kind = FileKinds.Of(target);
        switch (kind)
        {
            case FileKind.Missing:
                return new Destination(shown, target, Exists: false);
            case FileKind.Directory:
                throw new UserErrorException($"{shown}: is a folder; expected a file path");
            case FileKind.Regular:
                if (force || Recognised(shown, target, owner))
                {
                    return new Destination(shown, target, Exists: true);
                }

                throw new UserErrorException($"{shown}: already exists and is not a {owner.What} Berth wrote; not overwritten ({Advice(owner)})");
            default:
                throw new UserErrorException($"{shown}: is {FileKinds.Describe(kind)}, not a regular file; Berth writes only regular files (choose another path)");
        }
    }

    public static void Write(string shown, string path, string content, Ownership owner, bool force, string? boundary = null) =>
        Write(shown, path, new UTF8Encoding(false).GetBytes(content), owner, force, boundary);

    /// <summary>Checks the path again (the disk may have changed during a long run), then writes atomically.</summary>
    public static void Write(string shown, string path, byte[] content, Ownership owner, bool force, string? boundary = null) =>
        Write(Check(shown, path, owner, force, boundary), content);

    /// <summary>Writes to a destination <see cref="Check"/> approved: a unique temporary file beside it, flushed to disk, renamed over it.</summary>
    public static void Write(Destination destination, byte[] content)
    {
        var target = destination.FullPath;
        var folder = Path.GetDirectoryName(target) ?? ".";
        string? temp = null;
        try
        {
            Directory.CreateDirectory(folder);
            temp = CreateTemporary(folder, Path.GetFileName(target), out var stream);
            using (stream)
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (destination.Exists && !OperatingSystem.IsWindows())
            {
                // Keep the replaced file's permissions, as editing it in place would.
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            File.Move(temp, target, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw IoFailure.Writing(destination.Shown, e);
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>A new file beside the target that no other run shares: the process id and a counter, created exclusively.</summary>
    private static string CreateTemporary(string folder, string name, out FileStream stream)
    {
        for (var attempt = 0; ; attempt++)
        {
            var n = Interlocked.Increment(ref s_temporaries);
            var temp = Path.Combine(folder, $".{name}.{Environment.ProcessId}-{n}.berth-tmp");
            try
            {
                stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                return temp;
            }
            catch (IOException) when (attempt < 100 && File.Exists(temp))
            {
                // A leftover of an earlier process with the same id: take the next name.
            }
        }
    }

    /// <summary>The file a path writes to: itself, or the final target of a link that stays inside the fence.</summary>
    private static string Follow(string shown, string full, string fence)
    {
        if (FileKinds.OfLink(full) != FileKind.SymbolicLink)
        {
            return full;
        }

        var target = FileKinds.RealPath(full);
        if (!FileKinds.Inside(target, FileKinds.RealPath(fence)))
        {
            throw new UserErrorException($"{shown}: is a link to {target}, outside {fence}; Berth does not write through it (remove the link or choose another path)");
        }

        return target;
    }

    /// <summary>The folder must be a folder (or not exist yet, below one), and must not lead outside the fence through a link.</summary>
    private static void CheckFolder(string shown, string folder, string fence)
    {
        for (var dir = folder; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var kind = FileKinds.Of(dir);
            if (kind == FileKind.Directory)
            {
                break;
            }

            if (kind != FileKind.Missing)
            {
                throw new UserErrorException($"{shown}: cannot be written: {dir} is {FileKinds.Describe(kind)}, not a folder; choose another path");
            }
        }

        if (FileKinds.Inside(folder, fence) && !FileKinds.Inside(FileKinds.RealPath(folder), FileKinds.RealPath(fence)))
        {
            throw new UserErrorException($"{shown}: its folder is a link to {FileKinds.RealPath(folder)}, outside {fence}; Berth does not write through it (remove the link or choose another path)");
        }
    }

    private static bool Recognised(string shown, string path, Ownership owner)
    {
        if (owner.IsBerths is null)
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var head = new byte[HeadBytes];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return owner.Recognises(head[..read]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{shown}: already exists and cannot be read ({IoFailure.Reason(e)}), so Berth cannot tell whether it wrote it; not overwritten ({Advice(owner)})", e);
        }
    }

    private static string Advice(Ownership owner) =>
        owner.ForceOption is { } force ? $"use {force} to replace it" : "remove it or choose another path";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless and named as Berth's.
        }
    }
}
