namespace Berth.Linting;

/// <summary>
/// The bounds of a lint run, in one place (README, "Limits"): beyond them Berth says so — a diagnostic naming the
/// file, or a note on the expression — and goes on with the rest, rather than exhausting memory or the stack.
/// </summary>
public static class LintLimits
{
    /// <summary>The largest .tf, .tfvars, Kubernetes .yaml or file() target read: parsing costs tens of times the
    /// file's size in memory, and hand-written or generated platform code stays far below this.</summary>
    public const long MaxFileBytes = 8 * Files.InputFile.MiB;
}
