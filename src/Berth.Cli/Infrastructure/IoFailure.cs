namespace Berth.Cli.Infrastructure;

/// <summary>Turns an operating-system failure into a sentence a person can act on: what happened to which path, and what to do.</summary>
public static class IoFailure
{
    // errno values (Linux; macOS shares the first four): .NET puts the raw errno in IOException.HResult.
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int NotADirectory = 20;
    private const int QuotaExceeded = 122;

    /// <summary>"PATH: cannot be written: REASON; WHAT TO DO".</summary>
    public static UserErrorException Writing(string shown, Exception e) =>
        new($"{shown}: cannot be written: {Reason(e)}", e);

    /// <summary>"PATH: cannot be read: REASON; WHAT TO DO".</summary>
    public static UserErrorException Reading(string shown, Exception e) =>
        new($"{shown}: cannot be read: {Reason(e)}", e);

    /// <summary>What to do about a failure whose message already names the path.</summary>
    public static string Advice(Exception e) => e switch
    {
        UnauthorizedAccessException => "check the permissions of the file and its folder",
        IOException { HResult: NoSpace or QuotaExceeded } => "free some space or write elsewhere",
        _ => "check the path and try again",
    };

    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied; check the permissions of the file and its folder, or choose another path",
        PathTooLongException => "the path is too long; choose a shorter one",
        DirectoryNotFoundException => "its folder does not exist; create it or choose another path",
        FileNotFoundException => "no such file",
        IOException { HResult: NoSpace or QuotaExceeded } => "no space left on the device; free some space or write elsewhere",
        IOException { HResult: ReadOnlyFileSystem } => "the file system is read-only; choose a folder you can write to",
        IOException { HResult: NotADirectory } => "part of the path is a file, not a folder; choose another path",
        _ => e.Message.TrimEnd('.'),
    };
}
