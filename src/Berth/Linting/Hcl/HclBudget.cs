using System.Globalization;
using System.Runtime.CompilerServices;

namespace Berth.Linting.Hcl;

/// <summary>
/// The evaluator's budgets (<see cref="LintLimits"/>): how deep one evaluation may go, and how large and deep a value
/// may be. Past a budget the expression's value is <see cref="Unknown"/> and its context is told, so the run goes on
/// and says where — instead of a stack overflow, or gigabytes spent on a <c>join</c> that would never be read.
/// </summary>
public static class HclBudget
{
    /// <summary>The deepest value (lists and objects inside each other); the walkers over values recurse this deep.</summary>
    public const int MaxValueDepth = 500;

    /// <summary>Values this heavy have their weight remembered.</summary>
    private const long HeavyElements = 4096;

    private const long HeavyCharacters = 1 << 20;

    private const int HeavyDepth = 64;

    /// <summary>Weights of heavy values, so a value wrapped again and again is not walked again and again.</summary>
    private static readonly ConditionalWeakTable<object, Weight> Weights = [];

    [ThreadStatic]
    private static int t_depth;

    /// <summary>A value's size: its elements (repeats counted), the characters of its strings, and its depth.</summary>
    private sealed record Weight(long Elements, long Characters, int Depth);

    /// <summary>Enters one level of evaluation; false when that goes past the budget. Always pair with <see cref="Leave"/>.</summary>
    internal static bool Enter() => ++t_depth <= LintLimits.MaxEvaluationDepth;

    internal static void Leave() => t_depth--;

    private static string ElementsExceeded { get; } = string.Create(CultureInfo.InvariantCulture,
        $"this value would hold more than {LintLimits.MaxValueElements:N0} elements (repeats counted); it is treated as unknown");

    private static string CharactersExceeded { get; } = string.Create(CultureInfo.InvariantCulture,
        $"this value would hold more than {LintLimits.MaxValueCharacters:N0} characters; it is treated as unknown");

    internal static string DepthExceeded { get; } = string.Create(CultureInfo.InvariantCulture,
        $"evaluating this goes deeper than {LintLimits.MaxEvaluationDepth} levels (a long chain of locals, variables or module inputs); its value is treated as unknown");

    /// <summary>Throws <see cref="HclBudgetException"/> when a string about to be built would pass the character budget.</summary>
    internal static void CheckCharacters(long characters)
    {
        if (characters > LintLimits.MaxValueCharacters)
        {
            throw new HclBudgetException(CharactersExceeded);
        }
    }

    /// <summary>Throws <see cref="HclBudgetException"/> when a list about to be built would pass the element budget.</summary>
    internal static void CheckElements(long elements)
    {
        if (elements > LintLimits.MaxValueElements)
        {
            throw new HclBudgetException(ElementsExceeded);
        }
    }

    /// <summary>Why a value is over budget, or null when it fits.</summary>
    public static string? Exceeds(object? value)
    {
        var w = Weigh(value);
        if (w.Elements > LintLimits.MaxValueElements)
        {
            return ElementsExceeded;
        }

        if (w.Characters > LintLimits.MaxValueCharacters)
        {
            return CharactersExceeded;
        }

        return w.Depth > MaxValueDepth
            ? string.Create(CultureInfo.InvariantCulture, $"this value nests lists or objects more than {MaxValueDepth} deep; it is treated as unknown")
            : null;
    }

    private static Weight Weigh(object? value)
    {
        switch (value)
        {
            case string s:
                return new Weight(1, s.Length, 0);
            case HclDictionary or IReadOnlyList<object?>:
                if (Weights.TryGetValue(value, out var known))
                {
                    return known;
                }

                long elements = 1, characters = 0;
                var depth = 0;
                var children = value is HclDictionary m ? m.Values : (IReadOnlyList<object?>)value;
                foreach (var child in children)
                {
                    var w = Weigh(child);
                    elements = Saturate(elements + w.Elements);
                    characters = Saturate(characters + w.Characters);
                    depth = Math.Max(depth, w.Depth);
                }

                if (value is HclDictionary keyed)
                {
                    foreach (var key in keyed.Keys)
                    {
                        characters = Saturate(characters + key.Length);
                    }
                }

                // Only heavy values are remembered (a table entry costs the GC); the rest are weighed again cheaply,
                // and whatever heavy value they hold is found in the table, so no value is walked again and again.
                var weight = new Weight(elements, characters, depth + 1);
                if (elements >= HeavyElements || characters >= HeavyCharacters || depth >= HeavyDepth)
                {
                    Weights.AddOrUpdate(value, weight);
                }

                return weight;
            default:
                return new Weight(1, 0, 0);
        }
    }

    /// <summary>Sums stop growing far past any budget, so repeats counted billions of times cannot overflow.</summary>
    private static long Saturate(long n) => Math.Min(n, long.MaxValue / 4);
}

/// <summary>A function found, before building its result, that the result would pass a budget.</summary>
public sealed class HclBudgetException : Exception
{
    public HclBudgetException(string message)
        : base(message)
    {
    }

    public HclBudgetException()
    {
    }

    public HclBudgetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
