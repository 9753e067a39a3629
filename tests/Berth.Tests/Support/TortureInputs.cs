using System.Globalization;
using System.Text;

namespace Berth.Tests.Support;

/// <summary>
/// Hostile inputs, generated (never stored): used by the torture tests, which assert what Berth says about them, and
/// by bench/Berth.Bench, which times them (this file is linked there), so speed is measured and never asserted in a
/// unit test.
/// </summary>
public static class TortureInputs
{
    /// <summary>A berth.yaml whose aliases expand ten levels of ten: 10^10 nodes ("billion laughs").</summary>
    public static string BillionLaughs()
    {
        var text = new StringBuilder("version: 1\nname: shop\nservices:\n  - name: api\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        return text.ToString();
    }

    /// <summary>The same expansion used as mapping keys, which YAML hashes and compares whole.</summary>
    public static string BillionLaughKeys()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        return text.Append("? *a8\n: 1\n? *a7\n: 2\n").ToString();
    }

    private static readonly string[] HclNoise =
    [
        "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "<<EOT\n", "<<-X\n", "\nEOT\n", "\n", "#", "//", "/*", "*/", "\\", "\\u12",
        "...", "[*]", ".*", "=", "=>", "?", ":", "for", "if", "in", "endif", "%{ endfor }", ",", "\r", "\t", "0.5e", "::", "!", "-", "é",
    ];

    /// <summary>One to four seeded edits of an HCL text: cuts, HCL punctuation, copied runs, truncation, a changed character.</summary>
    public static string MutateHcl(string text, Random random) => Mutate(text, random, HclNoise);

    /// <summary>One to four seeded edits of a text, inserting pieces of <paramref name="noise"/>.</summary>
    public static string Mutate(string text, Random random, IReadOnlyList<string> noise)
    {
        var count = random.Next(1, 5);
        for (var m = 0; m < count && text.Length > 0; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text = text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at));
                    break;
                case 1:
                    text = text.Insert(at, noise[random.Next(noise.Count)]);
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 200), text.Length - at);
                    text = text.Insert(random.Next(text.Length), text.Substring(at, length));
                    break;
                case 3:
                    text = text[..at];
                    break;
                default:
                    var chars = text.ToCharArray();
                    chars[at] = (char)random.Next(32, 127);
                    text = new string(chars);
                    break;
            }
        }

        return text;
    }
}
