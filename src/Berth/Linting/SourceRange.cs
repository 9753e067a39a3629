using System.Globalization;

namespace Berth.Linting;

/// <summary>A 1-based line and column with a 0-based character offset.</summary>
public readonly record struct SourcePos(int Line, int Column, int Offset);

/// <summary>Where a node, value or finding comes from: a file and a start/end position.</summary>
public readonly record struct SourceRange(string File, SourcePos Start, SourcePos End)
{
    public int Line => Start.Line;

    public int Column => Start.Column;

    public static SourceRange At(string file, int line, int column = 1) =>
        new(file, new SourcePos(line, column, 0), new SourcePos(line, column, 0));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Start.Line}:{Start.Column}");
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
