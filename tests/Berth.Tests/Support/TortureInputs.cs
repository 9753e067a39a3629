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

    private static readonly string[] YamlNoise =
    [
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!binary ", "? ", "|", ">", "\"", "'", "#", "\n", "\n  ", "\t",
        "---\n", "...\n", "~", "null", "1e999", "-0", "0x1F", "99999999999999999999", "\u0000", "é", "\\", "%YAML 1.2\n", "<<: *a\n",
    ];

    /// <summary>One to four seeded edits of a YAML text: indentation, flow brackets, anchors and aliases, tags, odd scalars.</summary>
    public static string MutateYaml(string text, Random random) => Mutate(text, random, YamlNoise);

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

    /// <summary>A resource whose name is <paramref name="expression"/>, so the rules evaluate it.</summary>
    private static string UsedBy(string expression) =>
        $"\nresource \"aws_ecs_service\" \"svc\" {{\n  name                   = {expression}\n  enable_execute_command = true\n}}\n";

    /// <summary><c>a = 1 + 1 + … + 1</c> with <paramref name="operators"/> operators: a left-deep tree as deep.</summary>
    public static string BinaryChain(int operators) =>
        "locals {\n  sum = 1" + string.Concat(Enumerable.Repeat(" + 1", operators)) + "\n}\n" + UsedBy("local.sum");

    /// <summary><c>l1 = local.l0</c>, <c>l2 = local.l1</c>, …: each local names the one before.</summary>
    public static string ChainedLocals(int count)
    {
        var text = new StringBuilder("locals {\n  l0 = \"api\"\n");
        for (var i = 1; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  l{i} = local.l{i - 1}\n");
        }

        return text.Append("}\n").Append(UsedBy(string.Create(CultureInfo.InvariantCulture, $"local.l{count - 1}"))).ToString();
    }

    /// <summary><c>local.x[0][0]…</c> with <paramref name="steps"/> index steps.</summary>
    public static string IndexChain(int steps) =>
        "locals {\n  x = [\"api\"]\n  y = local.x" + string.Concat(Enumerable.Repeat("[0]", steps)) + "\n}\n" + UsedBy("local.y");

    /// <summary><c>local.x.b.b…</c> with <paramref name="steps"/> attribute steps.</summary>
    public static string AttributeChain(int steps) =>
        "locals {\n  x = { b = \"api\" }\n  y = local.x" + string.Concat(Enumerable.Repeat(".b", steps)) + "\n}\n" + UsedBy("local.y");

    /// <summary><c>"${"${"…"}"}"</c>: templates nested <paramref name="depth"/> deep.</summary>
    public static string NestedTemplates(int depth) =>
        "locals {\n  t = " + string.Concat(Enumerable.Repeat("\"${", depth)) + "\"api\"" + string.Concat(Enumerable.Repeat("}\"", depth)) + "\n}\n" + UsedBy("local.t");

    /// <summary>Each local joins ten copies of the one before: 10^<paramref name="levels"/> characters at the end.</summary>
    public static string ExplodingJoin(int levels)
    {
        var text = new StringBuilder("locals {\n  j0 = \"0123456789\"\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  j{i} = join(\"\", [{string.Join(", ", Enumerable.Repeat($"local.j{i - 1}", 10))}])\n");
        }

        return text.Append("}\n").Append(UsedBy(string.Create(CultureInfo.InvariantCulture, $"local.j{levels}"))).ToString();
    }

    /// <summary>Each local is a pair of the one before: 2^<paramref name="levels"/> elements once encoded.</summary>
    public static string DoublingList(int levels)
    {
        var text = new StringBuilder("locals {\n  d0 = [\"api\"]\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  d{i} = [local.d{i - 1}, local.d{i - 1}]\n");
        }

        return text.Append("}\n").Append(UsedBy(string.Create(CultureInfo.InvariantCulture, $"jsonencode(local.d{levels})"))).ToString();
    }

    /// <summary>A for_each over a set of <paramref name="items"/> names.</summary>
    public static string LargeForEach(int items) =>
        "locals {\n  names = [" + string.Join(", ", Enumerable.Range(0, items).Select(i => "\"n" + i.ToString(CultureInfo.InvariantCulture) + "\"")) + "]\n}\n"
        + "resource \"aws_ecs_service\" \"svc\" {\n  for_each               = toset(local.names)\n  name                   = each.key\n  enable_execute_command = true\n}\n";

    /// <summary>A Kubernetes manifest with a value nested <paramref name="depth"/> deep in flow style.</summary>
    public static string DeepKubernetesYaml(int depth) =>
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: " + new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>Block-style nesting: each level a mapping indented one more space.</summary>
    public static string DeepBlockYaml(int depth)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        return text.ToString();
    }
}
