using System.Globalization;

namespace Berth.Linting;

/// <summary>A 1-based line and column with a 0-based character offset.</summary>
public readonly record struct SourcePos(int Line, int Column, int Offset);

/// <summary>
/// A parsed text's line starts, so a range into it can hold two offsets and work out its lines and columns when asked.
/// Lines end at '\n'; a column counts UTF-16 characters from 1, as the HCL lexer counts them.
/// </summary>
public sealed class SourceLines
{
    private readonly int[] _starts;

    public SourceLines(string path, string text)
    {
        Path = path;
        var span = text.AsSpan();
        _starts = new int[span.Count('\n') + 1];
        var line = 1;
        var from = 0;
        while (span[from..].IndexOf('\n') is var next and >= 0)
        {
            from += next + 1;
            _starts[line++] = from;
        }
    }

    public string Path { get; }

    /// <summary>The line and column of an offset (the line whose start is the last at or before it).</summary>
    public SourcePos At(int offset)
    {
        var line = Array.BinarySearch(_starts, offset);
        line = line >= 0 ? line : ~line - 1;
        return new SourcePos(line + 1, offset - _starts[line] + 1, offset);
    }
}

/// <summary>Where a node, value or finding comes from: a file and a start/end position.</summary>
/// <remarks>
/// Every node of a parsed Terraform tree holds one, millions in a large lint, and they live as long as the lint: a
/// range into parsed text is a reference to the text's <see cref="SourceLines"/> and two offsets (16 bytes; three
/// positions and a path were 32), and other ranges (YAML, diagnostics) keep their positions in a small object.
/// Both kinds compare by file and positions.
/// </remarks>
public readonly struct SourceRange : IEquatable<SourceRange>
{
    // SourceLines (then _start and _end are offsets into its text) or Placed (positions as given).
    private readonly object? _where;
    private readonly int _start;
    private readonly int _end;

    public SourceRange(string file, SourcePos start, SourcePos end) => _where = new Placed(file, start, end);

    /// <summary>A range into parsed text, from one offset to another.</summary>
    public SourceRange(SourceLines lines, int start, int end)
    {
        _where = lines;
        _start = start;
        _end = end;
    }

    public string File
    {
        get => _where switch
        {
            SourceLines lines => lines.Path,
            Placed placed => placed.File,
            _ => null!,
        };

        // `range with { File = … }`: the same positions under another name.
        init => _where = new Placed(value, Start, End);
    }

    public SourcePos Start => _where switch
    {
        SourceLines lines => lines.At(_start),
        Placed placed => placed.Start,
        _ => default,
    };

    public SourcePos End => _where switch
    {
        SourceLines lines => lines.At(_end),
        Placed placed => placed.End,
        _ => default,
    };

    public int Line => Start.Line;

    public int Column => Start.Column;

    public static SourceRange At(string file, int line, int column = 1) =>
        new(file, new SourcePos(line, column, 0), new SourcePos(line, column, 0));

    public static bool operator ==(SourceRange left, SourceRange right) => left.Equals(right);

    public static bool operator !=(SourceRange left, SourceRange right) => !left.Equals(right);

    /// <summary>The same end, from another start in the same text.</summary>
    public SourceRange StartingAt(SourcePos start) =>
        _where is SourceLines lines ? new SourceRange(lines, start.Offset, _end) : new SourceRange(File, start, End);

    public bool Equals(SourceRange other) =>
        _where is SourceLines a && other._where is SourceLines b && ReferenceEquals(a, b)
            ? _start == other._start && _end == other._end
            : string.Equals(File, other.File, StringComparison.Ordinal) && Start == other.Start && End == other.End;

    public override bool Equals(object? obj) => obj is SourceRange other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(File is { } f ? StringComparer.Ordinal.GetHashCode(f) : 0, Start, End);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Start.Line}:{Start.Column}");

    private sealed record Placed(string File, SourcePos Start, SourcePos End);
}

/// <summary>A problem in a file that is not a rule finding (a syntax error, an unreadable file).</summary>
public sealed record LintDiagnostic(SourceRange Range, string Message)
{
    /// <summary>File, then line and column as numbers (so :2: comes before :13:), then message.</summary>
    public static IComparer<LintDiagnostic> ByPlace { get; } = Comparer<LintDiagnostic>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Range.File, b.Range.File);
        c = c != 0 ? c : a.Range.Line.CompareTo(b.Range.Line);
        c = c != 0 ? c : a.Range.Column.CompareTo(b.Range.Column);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });

    public override string ToString() => Range + ": " + Message;
}
