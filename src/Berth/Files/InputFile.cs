using System.Globalization;
using System.Text;

namespace Berth.Files;

/// <summary>
/// An input file could not be read: it is missing, not a regular file, too large or unreadable. An
/// <see cref="IOException"/>, so the places that already report read errors report these too; <see cref="Reason"/>
/// is the message without the path, for diagnostics that give the path separately.
/// </summary>
public sealed class InputFileException : IOException
{
    public InputFileException(string path, string reason, InputProblem problem = InputProblem.Unreadable, Exception? inner = null)
        : base(path + ": " + reason, inner)
    {
        Path = path;
        Reason = reason;
        Problem = problem;
    }

    public InputFileException()
        : this("", "cannot be read")
    {
    }

    public InputFileException(string message)
        : this("", message)
    {
    }

    public InputFileException(string message, Exception inner)
        : this("", message, InputProblem.Unreadable, inner)
    {
    }

    public string Path { get; }

    public string Reason { get; }

    public InputProblem Problem { get; }
}

/// <summary>Why an input file was not read, for callers that word it their own way.</summary>
public enum InputProblem
{
    NotFound,
    Folder,
    NotRegular,
    TooLarge,
    Unreadable,
}

/// <summary>
/// The one way Berth reads an input file: only a regular file (a FIFO would block, /dev/zero would never end), its
/// size checked before reading and the read itself bounded, so no input can hang Berth or exhaust its memory.
/// </summary>
public static class InputFile
{
    public const long MiB = 1024 * 1024;

    /// <summary>The bytes of a regular file of at most <paramref name="maxBytes"/>; throws <see cref="InputFileException"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        var (buffer, length) = Read(path, maxBytes);
        Array.Resize(ref buffer, length);
        return buffer;
    }

    /// <summary>The text of a regular UTF-8 file (a byte-order mark is dropped; bad bytes become U+FFFD).</summary>
    public static string ReadAllText(string path, long maxBytes)
    {
        var (bytes, length) = Read(path, maxBytes);
        var start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, length - start);
    }

    /// <summary>The file's bytes in a buffer that may be longer than they are, and how many there are.</summary>
    private static (byte[] Buffer, int Length) Read(string path, long maxBytes)
    {
        CheckReadable(path);
        try
        {
            // A handle and positioned reads: no stream, no buffer of its own, no read-ahead advice for a small file.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);
            if (length > maxBytes)
            {
                throw TooLarge(path, length, maxBytes);
            }

            // The file may grow while it is read: read at most one byte past the limit to notice.
            var buffer = new byte[(int)Math.Min(length, maxBytes) + 1];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        throw TooLarge(path, total, maxBytes);
                    }

                    Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 4096), maxBytes + 1));
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > maxBytes)
            {
                throw TooLarge(path, total, maxBytes);
            }

            return (buffer, total);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputFileException(path, "cannot be read: permission denied; check the file's permissions", InputProblem.Unreadable, e);
        }
        catch (IOException e) when (e is not InputFileException)
        {
            throw new InputFileException(path, "cannot be read: " + e.Message.TrimEnd('.'), InputProblem.Unreadable, e);
        }
    }

    /// <summary>Throws unless the path names a regular file (following links): says what it is instead.</summary>
    public static void CheckReadable(string path)
    {
        var kind = FileKinds.Of(path);
        switch (kind)
        {
            case FileKind.Regular:
                return;
            case FileKind.Missing:
                throw new InputFileException(path, "no such file", InputProblem.NotFound);
            case FileKind.Directory:
                throw new InputFileException(path, "is a folder; expected a file", InputProblem.Folder);
            default:
                throw new InputFileException(path, $"is {FileKinds.Describe(kind)}, not a regular file; Berth reads only regular files", InputProblem.NotRegular);
        }
    }

    /// <summary>Whether the path names a regular file (following links): a FIFO or device is not one.</summary>
    public static bool IsRegular(string path) => FileKinds.Of(path) == FileKind.Regular;

    private static InputFileException TooLarge(string path, long length, long maxBytes) =>
        new(path, string.Create(CultureInfo.InvariantCulture, $"is {Size(length)}; Berth reads at most {Size(maxBytes)} from a file of this kind"), InputProblem.TooLarge);

    /// <summary>A size as people say it: "4 MiB", "1.5 GiB", "812 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * MiB):0.#} GiB"),
        >= MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiB:0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
