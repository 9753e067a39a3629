using System.Text;

namespace Berth.Cli.Infrastructure;

/// <summary>Standard output could not be written (closed, a full disk, a broken pipe): bad circumstances, not a bug.</summary>
public sealed class StreamClosedException : Exception
{
    public StreamClosedException(string stream, Exception inner)
        : base($"cannot write to {stream}: {Reason(inner)}", inner)
    {
    }

    public StreamClosedException()
    {
    }

    public StreamClosedException(string message)
        : base(message)
    {
    }

    // errno values .NET puts in IOException.HResult (Linux and macOS agree on these).
    private const int BadDescriptor = 9;
    private const int BrokenPipe = 32;

    private static string Reason(Exception e)
    {
        // .NET reports a write to a closed descriptor as "access denied" around the real error.
        var io = e is UnauthorizedAccessException { InnerException: IOException inner } ? inner : e;
        return io switch
        {
            IOException { HResult: BadDescriptor } => "it is closed; run berth with its output going to a file or a terminal",
            IOException { HResult: BrokenPipe } => "the program reading it has stopped (a broken pipe)",
            ObjectDisposedException => "it is closed",
            _ => IoFailure.Reason(io),
        };
    }
}

/// <summary>
/// Wraps standard output so that a failed write (<c>&gt;/dev/full</c>, a closed descriptor, a reader that went away)
/// surfaces as one <see cref="StreamClosedException"/> that the app reports as exit 2, not as an internal error.
/// </summary>
public sealed class GuardedWriter(TextWriter inner, string name) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        // A span cannot be captured by Guard's lambda; catching here spares a string copy of every chunk.
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (IsClosed(e))
        {
            throw new StreamClosedException(name, e);
        }
    }

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (IsClosed(e))
        {
            throw new StreamClosedException(name, e);
        }
    }

    /// <summary>What a write to a stream that cannot take it throws (closed, full, a reader gone).</summary>
    internal static bool IsClosed(Exception e) => e is IOException or ObjectDisposedException or UnauthorizedAccessException;
}
