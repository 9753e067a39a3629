using System.Text;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// Which existing file an output may replace without <c>--force</c>: one Berth wrote, recognised by its first bytes
/// (at most <see cref="SafeFileWriter.HeadBytes"/>). <paramref name="What"/> names the kind in messages
/// ("report"); <paramref name="ForceOption"/> is the option that replaces any regular file, or null when there is none.
/// </summary>
public sealed record Ownership(string What, Func<byte[], bool>? IsBerths, string? ForceOption = "--force")
{
    /// <summary>A file only the user owns once written (a berth.yaml): replaced only with --force.</summary>
    public static Ownership UsersFile(string what) => new(what, null);

    /// <summary>A text file Berth recognises by what its head contains.</summary>
    public static Ownership Text(string what, string marker, string? forceOption = "--force") =>
        new(what, head => Encoding.UTF8.GetString(head).Contains(marker, StringComparison.Ordinal), forceOption);

    public bool Recognises(byte[] head) => IsBerths is { } test && test(head);
}
