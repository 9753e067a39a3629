using Berth.Spec;
using Spectre.Console;

namespace Berth.Cli.Infrastructure;

public static class OutputFormats
{
    public static ValidationResult Check(string format, params string[] allowed) =>
        allowed.Contains(format, StringComparer.Ordinal)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format: unknown format '{format}'{Suggest.DidYouMean(format, allowed)}; expected one of {string.Join(", ", allowed)}");
}
