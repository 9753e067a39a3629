using System.Diagnostics;
using System.Globalization;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// One writer at a time for a file that is read, changed and written back (the catalog): an exclusive lock on a
/// hidden lock file beside it (<c>.NAME.lock</c>, kept so that every run locks the same file). .NET takes the lock
/// with flock(2) on Unix when a file is opened with <see cref="FileShare.None"/>, so it also holds across processes.
/// A second run waits for the first, then refuses with a sentence rather than failing.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock for <paramref name="path"/>, waiting up to <paramref name="wait"/> for another run to finish.</summary>
    public static FileLock Acquire(string shown, string path, TimeSpan wait)
    {
        var full = Path.GetFullPath(path);
        var lockPath = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + ".lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException e)
            {
                throw IoFailure.Writing(shown, e);
            }
            catch (DirectoryNotFoundException e)
            {
                throw IoFailure.Writing(shown, e);
            }
            catch (IOException) when (clock.Elapsed < wait)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                    $"{shown}: another berth run is updating it (it holds {lockPath}); waited {wait.TotalSeconds:0} s — try again when that run has finished"), e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
