using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Spec;

/// <summary>
/// Parses Kubernetes-style quantities. CPU: <c>500m</c>, <c>0.5</c>, <c>2</c>.
/// Memory and storage: binary suffixes <c>Ki Mi Gi Ti</c>, decimal suffixes <c>k M G T</c> as Kubernetes
/// defines them, and <c>MB GB TB</c> as AWS uses them for Fargate sizes (1 GB = 1024 MiB).
/// </summary>
public static partial class QuantityParser
{
    public const string CpuExpected = "a CPU quantity such as 250m, 0.5 or 2 (vCPU)";
    public const string MemoryExpected = "a memory quantity such as 512Mi, 2Gi, 2048Mi or 2GB";

    private const decimal MaxBytes = 1024m * 1024 * 1024 * 1024 * 64;

    [GeneratedRegex(@"^(?<num>[0-9]+(\.[0-9]+)?)(?<unit>m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CpuPattern();

    [GeneratedRegex(@"^(?<num>[0-9]+(\.[0-9]+)?)(?<unit>Ki|Mi|Gi|Ti|k|M|G|T|MB|GB|TB)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MemoryPattern();

    public static bool TryParseCpu(string text, out Millicores value, out string? problem)
    {
        value = default;
        var match = CpuPattern().Match(text.Trim());
        if (!match.Success)
        {
            problem = text.TrimStart().StartsWith('-') ? "must be positive" : null;
            return false;
        }

        // Digits beyond decimal's range are far beyond any limit: report them as too large, never overflow.
        if (!decimal.TryParse(match.Groups["num"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number > 1_000_000_000m)
        {
            problem = "is more than 1000 vCPU";
            return false;
        }

        var millis = match.Groups["unit"].Success ? number : number * 1000m;
        if (millis != decimal.Truncate(millis))
        {
            problem = "is finer than one millicore";
            return false;
        }

        if (millis <= 0)
        {
            problem = "must be greater than zero";
            return false;
        }

        if (millis > 1_000_000m)
        {
            problem = "is more than 1000 vCPU";
            return false;
        }

        value = new Millicores((long)millis);
        problem = null;
        return true;
    }

    public static bool TryParseBytes(string text, out ByteSize value, out string? problem)
    {
        value = default;
        var match = MemoryPattern().Match(text.Trim());
        if (!match.Success)
        {
            problem = text.TrimStart().StartsWith('-') ? "must be positive" : null;
            return false;
        }

        if (!decimal.TryParse(match.Groups["num"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number > MaxBytes)
        {
            problem = "is more than 64 TiB";
            return false;
        }

        decimal multiplier = match.Groups["unit"].Value switch
        {
            "" => 1m,
            "Ki" => 1024m,
            "Mi" or "MB" => 1024m * 1024,
            "Gi" or "GB" => 1024m * 1024 * 1024,
            "Ti" or "TB" => 1024m * 1024 * 1024 * 1024,
            "k" => 1000m,
            "M" => 1000m * 1000,
            "G" => 1000m * 1000 * 1000,
            "T" => 1000m * 1000 * 1000 * 1000,
            _ => throw new InvalidOperationException("unreachable: the pattern limits the units"),
        };
        if (number * multiplier > MaxBytes)
        {
            problem = "is more than 64 TiB";
            return false;
        }

        var bytes = decimal.Ceiling(number * multiplier);
        if (bytes <= 0)
        {
            problem = "must be greater than zero";
            return false;
        }

        value = new ByteSize((long)bytes);
        problem = null;
        return true;
    }
}
