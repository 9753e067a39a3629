using System.Globalization;
using Spectre.Console;

namespace Berth.Cli.Infrastructure;

/// <summary><c>--today YYYY-MM-DD</c> of lint and report: the date suppression expiries are compared with, else
/// today (UTC) from the injected clock.</summary>
public static class TodayOption
{
    public const string Format = "yyyy-MM-dd";

    public static ValidationResult Check(string? value) =>
        value is null || DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--today: '{value}' is not a date (YYYY-MM-DD)");

    public static DateOnly Resolve(CliContext cli, string? value) =>
        value is not null
            ? DateOnly.ParseExact(value, Format, CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(cli.Clock.GetUtcNow().UtcDateTime);
}
