using System.Globalization;
using Berth.Spec;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Spec;

public sealed class PropertyTests
{
    [Property(MaxTest = 500)]
    public Property Millicores_round_trip_through_the_cpu_parser() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), n =>
        {
            var ok = QuantityParser.TryParseCpu(n.ToString(CultureInfo.InvariantCulture) + "m", out var value, out var problem);
            return ok && value.Value == n && problem is null;
        });

    [Property(MaxTest = 500)]
    public Property Whole_vcpus_are_a_thousand_millicores() =>
        Prop.ForAll(Gen.Choose(1, 1_000).ToArbitrary(), n =>
            QuantityParser.TryParseCpu(n.ToString(CultureInfo.InvariantCulture), out var value, out _) && value.Value == n * 1000L);

    [Property(MaxTest = 500)]
    public Property Mebibytes_round_trip_through_the_memory_parser() =>
        Prop.ForAll(Gen.Choose(1, 64 * 1024 * 1024).ToArbitrary(), n =>
        {
            var ok = QuantityParser.TryParseBytes(n.ToString(CultureInfo.InvariantCulture) + "Mi", out var value, out var problem);
            return ok && value.Bytes == n * ByteSize.MiBBytes && value.MiB == n && problem is null;
        });

    [Property(MaxTest = 500)]
    public Property Printed_quantities_parse_back() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), Gen.Choose(16, 1024 * 1024).ToArbitrary(), (m, mib) =>
            QuantityParser.TryParseCpu(new Millicores(m).ToString(), out var cpu, out _) && cpu.Value == m
            && QuantityParser.TryParseBytes(ByteSize.FromMiB(mib).ToString(), out var mem, out _) && mem.Bytes == mib * ByteSize.MiBBytes);

    [Property(MaxTest = 1000)]
    public bool Distance_is_symmetric(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        return Suggest.Distance(a, b) == Suggest.Distance(b, a);
    }

    [Property(MaxTest = 1000)]
    public bool Distance_is_zero_exactly_for_equal_strings(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        return Suggest.Distance(a, a) == 0 && (Suggest.Distance(a, b) == 0) == (a == b);
    }

    [Property(MaxTest = 1000)]
    public bool Distance_is_at_most_the_longer_length(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        return Suggest.Distance(a, b) <= Math.Max(a.Length, b.Length) && Suggest.Distance(a, b) >= Math.Abs(a.Length - b.Length);
    }

    [Property(MaxTest = 1000)]
    public bool Parse_never_throws_on_arbitrary_text(string? text) => Holds(text ?? "");

    private static readonly string[] YamlPieces =
    [
        "version: 1\n", "name: shop\n", "services:\n", "  - name: api\n", "    cpu: ", "    memory: ", "    count: ",
        "    demand: ", "    scaling: ", "eks:\n", "  karpenter:\n", "    consolidateAfter: ", "    arch: ", "team:\n",
        "  engineers: ", "pricing:\n", "  overrides:\n", "    ec2: ", "clients: ", "[", "]", "{", "}", ", ", ": ", "- ", "? ",
        "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "%YAML 1.2\n", "---\n", "...\n", "\"", "'", "|\n", ">-\n", "#", "\t",
        "\n", "  ", " ", "~", "null", "true", "yes", "0", "-1", "1.5", "1e400", "99999999999999999999999999999999",
        "500m", "2Gi", "2Gb", "x86", "99999999999h", "\uFEFF", "\r\n", "\u00e9", "\ud83d\ude00", "\\", "@", "`", "%",
    ];

    [Property(MaxTest = 3000)]
    public Property Parse_never_throws_on_yaml_like_text() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(YamlPieces)).Select(p => string.Concat(p)).ToArbitrary(), Holds);

    private static readonly string[] MutationPieces =
    [
        "[", "]", "{", "}", ":", "- ", " ", "\n", "\t", "&a ", "*a", "\"", "'", "#", "0", "-", "~", ",", "?",
        "99999999999999999999999999999", "!!str ", "1e9", ".", "m", "Gi",
    ];

    /// <summary>The full spec with a few random edits: exercises the reader on almost-valid input, not only the parser.</summary>
    [Property(MaxTest = 2000)]
    public Property Parse_never_throws_on_a_mutated_full_spec() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var text = SpecSamples.Full;
            for (var e = random.Next(1, 4); e > 0; e--)
            {
                var at = random.Next(text.Length);
                var piece = MutationPieces[random.Next(MutationPieces.Length)];
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)),
                    1 => text.Insert(at, piece),
                    _ => text.Remove(at, 1).Insert(at, piece),
                };
            }

            return Holds(text);
        });

    [Theory]
    [InlineData("eks:\n  karpenter:\n    consolidateAfter: 1h99999999999999999999999999999m\n")]
    [InlineData("- : 2Gb")]
    [InlineData("!!str team:\n  : >-\nversion: 1\n")]
    [InlineData("version: 1\nname: x\nservices: [{name: api\n")]
    [InlineData("clients: [a, b")]
    [InlineData("a: *b\n")]
    [InlineData("cpu: 99999999999999999999999999999999\n")]
    public void Inputs_that_once_threw_now_give_a_diagnostic(string text)
    {
        Holds(text).ShouldBeTrue();
        SpecLoader.Parse(text, "p.yaml").Succeeded.ShouldBeFalse();
    }

    /// <summary>Parse returns a result whose every error has a real position, and errors exactly when it fails.</summary>
    private static bool Holds(string text)
    {
        var result = SpecLoader.Parse(text, "p.yaml");
        return result is not null
            && result.Succeeded == (result.Spec is not null)
            && result.Succeeded == (result.Errors.Count == 0)
            && result.Errors.All(e => e.Location.Line >= 1 && e.Location.Column >= 1 && e.Message.Length > 0 && e.Location.File == "p.yaml"
                && !e.Message.Contains('\n', StringComparison.Ordinal));
    }
}
