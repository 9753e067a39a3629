using System.Text;
using Berth.Spec;
using Berth.Tests.Support;

namespace Berth.Tests.Spec;

/// <summary>Whole-file problems: each gives exactly one clear diagnostic, never an exception or a hang.</summary>
public sealed class FileLevelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("berth-spec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, new UTF8Encoding(false).GetBytes(text));

    private static SpecDiagnostic SingleError(SpecLoadResult result)
    {
        result.Succeeded.ShouldBeFalse();
        result.Spec.ShouldBeNull();
        result.Errors.Count.ShouldBe(1, string.Join("\n", result.Errors));
        return result.Errors[0];
    }

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(_dir, "nope.yaml");

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Location.ShouldBe(new SourceLocation(path, 0, 0));
        error.Message.ShouldBe("file not found");
        error.ToString().ShouldBe($"{path}: error: file not found");
    }

    [Fact]
    public void A_directory()
    {
        var error = SingleError(SpecLoader.LoadFile(_dir));

        error.Location.Line.ShouldBe(0);
        error.Message.ShouldContain("is a directory; expected a berth.yaml file");
        error.ToString().ShouldStartWith($"{_dir}: error: is a directory");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n  \r\n")]
    [InlineData("\uFEFF")]
    public void Empty_or_whitespace_only_file(string text)
    {
        var path = Write("empty.yaml", text);

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Location.ShouldBe(new SourceLocation(path, 1, 1));
        error.Message.ShouldContain("is empty; expected a berth.yaml mapping with version, name and services");
        error.ToString().ShouldStartWith($"{path}:1:1: error: ");
    }

    [Fact]
    public void Comments_only_file()
    {
        var path = Write("comments.yaml", "# nothing here yet\n# still nothing\n");

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldContain("has no content");
    }

    [Fact]
    public void Binary_junk_with_nul_bytes()
    {
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);
        bytes[100] = 0;
        var firstNul = Array.IndexOf(bytes, (byte)0);
        var path = Write("junk.yaml", bytes);

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldBe($"is not a text file (a NUL byte at offset {firstNul}); expected a berth.yaml");
        error.ToString().ShouldStartWith($"{path}: error: is not a text file");
    }

    [Fact]
    public void Invalid_utf8_names_the_offending_byte()
    {
        var prefix = Encoding.ASCII.GetBytes("version: 1\nname: caf");
        byte[] bytes = [.. prefix, 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\nservices: []\n")];
        var path = Write("latin.yaml", bytes);

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldBe($"is not valid UTF-8 (at byte {prefix.Length}); expected a berth.yaml text file");
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        var path = Write("bom.yaml", "\uFEFFversion: 1\nname: shop\nservices:\n  - name: api\n");

        var result = SpecLoader.LoadFile(path);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Errors));
    }

    [Fact]
    public void Ten_thousand_nested_flow_sequences_are_rejected_without_overflowing_the_stack()
    {
        var path = Write("deep.yaml", new string('[', 10_000));

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldContain("is nested more than 32 levels deep");
        error.Location.ShouldBe(new SourceLocation(path, 1, 33));
    }

    [Fact]
    public void Five_thousand_nested_flow_mappings_are_rejected_without_overflowing_the_stack()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            text.Append("{k: ");
        }

        var path = Write("deep-map.yaml", text.ToString());

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldContain("is nested more than 32 levels deep");
        error.Location.ShouldBe(new SourceLocation(path, 1, (32 * 4) + 1));
    }

    [Fact]
    public void Five_thousand_nested_block_mappings_are_rejected_without_overflowing_the_stack()
    {
        // Indented block mappings this deep exceed the file size limit, so this goes through Parse(text).
        var text = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        var result = SpecLoader.Parse(text.ToString(), "deep.yaml");

        var error = SingleError(result);
        error.Message.ShouldContain("is nested more than 32 levels deep");
        error.Location.ShouldBe(new SourceLocation("deep.yaml", 33, 33));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_only_an_ordinary_error()
    {
        // 31 levels inside the root mapping: deep but legal YAML; the loader reports the unknown key, not depth.
        var path = Write("nested-ok.yaml", "version: 1\nname: shop\nservices:\n  - name: api\nextra: " + new string('[', 31) + new string(']', 31) + "\n");

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldContain("unknown key 'extra'");
    }

    /// <summary>How long these take is measured by bench/Berth.Bench (SpecTortureBenchmarks), not asserted here.</summary>
    [Fact]
    public void Billion_laughs_is_one_error()
    {
        var path = Write("laughs.yaml", TortureInputs.BillionLaughs());

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldContain("expands to more than 1000000 YAML nodes once aliases are resolved");
    }

    [Fact]
    public void Billion_laughs_used_as_mapping_keys_is_one_error()
    {
        // Complex keys are hashed and compared whole, so an expanded alias as a key used to take many seconds.
        var path = Write("laugh-keys.yaml", TortureInputs.BillionLaughKeys());

        var result = SpecLoader.LoadFile(path);

        SingleError(result).Message.ShouldContain("once aliases are resolved");
    }

    [Fact]
    public void Modest_aliases_are_fine()
    {
        var path = Write("aliases.yaml", "version: 1\nname: shop\nservices:\n  - name: api\n    secrets: &s { DB: prod/db }\n  - name: web\n    secrets: *s\n");

        var result = SpecLoader.LoadFile(path);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Errors));
        result.Spec!.Services[1].Secrets["DB"].ShouldBe("prod/db");
    }

    [Fact]
    public void A_file_over_the_size_limit()
    {
        var path = Write("huge.yaml", new string('#', (int)SpecLoader.MaxFileBytes + 1));

        var error = SingleError(SpecLoader.LoadFile(path));

        error.Message.ShouldBe($"is {SpecLoader.MaxFileBytes + 1} bytes; a berth.yaml is at most {SpecLoader.MaxFileBytes} bytes");
    }
}
