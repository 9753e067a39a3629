using System.Security.Cryptography;
using System.Text;

namespace Berth.Generation;

/// <summary>What an existing file's header says about it.</summary>
public enum HeaderState
{
    /// <summary>No Berth header: not ours, or the header was removed.</summary>
    Missing,

    /// <summary>The body still hashes to the header's value: Berth wrote it and nobody changed it.</summary>
    Intact,

    /// <summary>The body no longer matches the header's hash: someone edited it.</summary>
    Edited,
}

/// <summary>
/// The first line of every generated file: <c># berth:generated sha256=…</c> (an HTML comment in Markdown), the
/// hash being over the rest of the file. It lets the writer tell a file it may replace from one a user edited.
/// </summary>
public static class GeneratedHeader
{
    public const string Marker = "berth:generated sha256=";

    /// <summary>The file with its header line put first.</summary>
    public static GeneratedFile Stamp(GeneratedFile file) =>
        file with { Content = Line(file.Path, Hash(file.Content)) + "\n" + file.Content };

    public static HeaderState Check(string path, string existing)
    {
        var newline = existing.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return HeaderState.Missing;
        }

        var first = existing[..newline];
        var at = first.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return HeaderState.Missing;
        }

        var hash = Hash(existing[(newline + 1)..]);
        return string.Equals(first, Line(path, hash), StringComparison.Ordinal) ? HeaderState.Intact : HeaderState.Edited;
    }

    private static string Line(string path, string hash) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? $"<!-- {Marker}{hash} -->"
            : $"# {Marker}{hash}";

    private static string Hash(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
