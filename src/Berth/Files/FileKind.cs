using System.Runtime.InteropServices;

namespace Berth.Files;

/// <summary>What a path names on disk. Only <see cref="Regular"/> files are read as inputs or replaced as outputs:
/// opening a FIFO blocks until a writer comes, and a device such as /dev/zero never ends.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    SymbolicLink,
    Other,
}

public static class FileKinds
{
    /// <summary>The kind of what the path names, following symbolic links (a dangling link is <see cref="FileKind.Missing"/>).</summary>
    public static FileKind Of(string path) => Stat(path, followLinks: true);

    /// <summary>The kind of the path itself: a symbolic link is <see cref="FileKind.SymbolicLink"/>.</summary>
    public static FileKind OfLink(string path) => Stat(path, followLinks: false);

    /// <summary>How a kind is named in a message: "a named pipe (FIFO)", "a character device"…</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "not a regular file",
    };

    /// <summary>The path with every link resolved (the file or folder need not exist; its existing part is resolved).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var root = Path.GetPathRoot(full) ?? "/";
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            var relinked = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                var link = FileKinds.OfLink(next) == FileKind.SymbolicLink ? new FileInfo(next).LinkTarget : null;
                if (link is null)
                {
                    current = next;
                    continue;
                }

                full = Path.GetFullPath(Path.Combine([Path.Combine(current, link), .. parts[(i + 1)..]]));
                relinked = true;
                break;
            }

            if (!relinked)
            {
                return current;
            }
        }

        throw new IOException($"{path}: too many levels of symbolic links (a link loop?)");
    }

    /// <summary>Whether a path is the folder or below it.</summary>
    public static bool Inside(string path, string folder)
    {
        var f = folder.TrimEnd(Path.DirectorySeparatorChar);
        return path == f || path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal) || f.Length == 0;
    }

    private static FileKind Stat(string path, bool followLinks)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            // Windows has no FIFOs or device nodes in the file system; attributes tell files, folders and links apart.
            var info = new FileInfo(path);
            return !info.Exists && !System.IO.Directory.Exists(path) ? FileKind.Missing
                : !followLinks && info.LinkTarget is not null ? FileKind.SymbolicLink
                : System.IO.Directory.Exists(path) ? FileKind.Directory
                : FileKind.Regular;
        }

        // .NET exposes no file type beyond file/folder/link, so ask the runtime's own native shim, which .NET's
        // FileSystem uses for the same question: dotnet/runtime src/native/libs/System.Native/pal_io.h, FileStatus
        // (int32 Flags, then int32 Mode with the S_IFMT bits in PAL values). The buffer is larger than the struct.
        var status = new byte[512];
        var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        var result = followLinks ? SystemNative.Stat(name, status) : SystemNative.LStat(name, status);
        if (result != 0)
        {
            return FileKind.Missing;
        }

        var mode = BitConverter.ToInt32(status, 4) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Other,
        };
    }

    private static class SystemNative
    {
        // The path goes as NUL-terminated UTF-8 bytes, as the shim expects (const char*).
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat(byte[] utf8Path, [Out] byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int LStat(byte[] utf8Path, [Out] byte[] status);
    }
}
