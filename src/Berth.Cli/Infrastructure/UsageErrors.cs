using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Berth.Cli.Infrastructure;

/// <summary>
/// Usage errors in words a person understands: an empty argument or a lone '-' is explained before the parser sees
/// it, and the parser's "Failed to convert '…' to Int32" becomes the option's name and the range it takes.
/// </summary>
public static partial class UsageErrors
{
    /// <summary>Refuses '' and '-' as values, naming the option they were given to.</summary>
    public static void CheckArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var option = i > 0 && args[i - 1].StartsWith('-') && args[i - 1].Length > 1 && !IsNumber(args[i - 1]) ? args[i - 1] : null;
            var where = option is null ? "" : option + ": ";
            if (args[i].Length == 0 || args[i].All(char.IsWhiteSpace))
            {
                throw new UserErrorException($"{where}the value is empty ('{args[i]}'); give a path or a value (see 'berth --help')");
            }

            if (args[i] == "-")
            {
                throw new UserErrorException($"{where}'-' is not a file name Berth understands: Berth reads and writes named files, not standard input or output; give a path (./- names a file called '-')");
            }
        }
    }

    /// <summary>The parser's conversion failure said with the option and its range; null when the message is another one.</summary>
    public static string? Conversion(string message, IReadOnlyList<string> args)
    {
        var m = FailedToConvert().Match(message);
        if (!m.Success)
        {
            return null;
        }

        var value = m.Groups["value"].Value;
        var index = Enumerable.Range(0, args.Count).LastOrDefault(i => args[i] == value || args[i].EndsWith("=" + value, StringComparison.Ordinal), -1);
        var option = index switch
        {
            < 0 => null,
            _ when args[index].Contains('=', StringComparison.Ordinal) => args[index][..args[index].IndexOf('=', StringComparison.Ordinal)],
            > 0 when args[index - 1].StartsWith('-') => args[index - 1],
            _ => null,
        };
        if (option is null)
        {
            return $"'{value}' is not a number Berth can use here (see 'berth --help')";
        }

        var (type, range) = Describe(option, args);
        return $"{option}: '{value}' is not {type}{range}";
    }

    /// <summary>What an option takes ("a whole number"), and its range as its help states it, else the type's.</summary>
    private static (string Type, string Range) Describe(string option, IReadOnlyList<string> args)
    {
        var property = FindOption(option, args);
        var type = Nullable.GetUnderlyingType(property?.PropertyType ?? typeof(int)) ?? property?.PropertyType ?? typeof(int);
        var whole = type == typeof(int) || type == typeof(long);
        var what = whole ? "a whole number" : "a number";
        var help = property?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
        var stated = StatedRange().Match(help);
        if (stated.Success)
        {
            return (what, $"; expected {stated.Groups["low"].Value} to {stated.Groups["high"].Value}");
        }

        return type == typeof(int)
            ? (what, string.Create(CultureInfo.InvariantCulture, $" from {int.MinValue} to {int.MaxValue}"))
            : (what, "");
    }

    /// <summary>The settings property declared for the option, preferring the command named in the arguments.</summary>
    private static PropertyInfo? FindOption(string option, IReadOnlyList<string> args)
    {
        var candidates =
            from t in typeof(UsageErrors).Assembly.GetTypes()
            where typeof(CommandSettings).IsAssignableFrom(t)
            from p in t.GetProperties()
            let attribute = p.GetCustomAttribute<CommandOptionAttribute>()
            where attribute is not null && (attribute.LongNames.Any(n => "--" + n == option) || attribute.ShortNames.Any(n => "-" + n == option))
            select (Type: t, Property: p);
        return candidates
            .OrderByDescending(c => args.Any(a => c.Type.FullName?.Contains("." + a, StringComparison.OrdinalIgnoreCase) == true))
            .ThenBy(c => c.Type.FullName, StringComparer.Ordinal)
            .Select(c => c.Property)
            .FirstOrDefault();
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to ")]
    private static partial Regex FailedToConvert();

    [GeneratedRegex(@"(?<low>-?\d+)\s*(?:\([^)]*\)\s*)?(?:to|\.\.)\s*(?<high>\d+)")]
    private static partial Regex StatedRange();
}
