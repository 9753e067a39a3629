using Berth.Linting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Linting;

/// <summary>A range into parsed text holds two offsets; its lines and columns are the ones the lexer counted.</summary>
public sealed class SourceRangeTests
{
    [Property(MaxTest = 200)]
    public Property An_offset_gives_the_line_and_column_counted_character_by_character()
    {
        var chars = Gen.Elements('a', ' ', '\t', '\n', '\r', 'é', '"');
        var gen = Gen.ArrayOf(chars).Select(c => new string(c)).SelectMany(text => Gen.Choose(0, text.Length).Select(offset => (text, offset)));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var (line, column) = (1, 1);
            foreach (var c in g.text[..g.offset])
            {
                (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
            }

            return new SourceLines("main.tf", g.text).At(g.offset) == new SourcePos(line, column, g.offset);
        });
    }

    [Fact]
    public void A_range_into_text_equals_one_given_by_positions_and_keeps_them_under_another_name()
    {
        var lines = new SourceLines("infra/main.tf", "resource \"a\" \"b\" {\n  name = \"x\"\n}\n");
        var inText = new SourceRange(lines, 21, 31);
        var given = new SourceRange("infra/main.tf", new SourcePos(2, 3, 21), new SourcePos(2, 13, 31));

        inText.ShouldBe(given);
        inText.GetHashCode().ShouldBe(given.GetHashCode());
        inText.ToString().ShouldBe("infra/main.tf:2:3");
        inText.StartingAt(new SourcePos(2, 10, 28)).Start.ShouldBe(new SourcePos(2, 10, 28));
        inText.StartingAt(new SourcePos(2, 10, 28)).End.ShouldBe(given.End);

        var renamed = inText with { File = "main.tf" };
        renamed.File.ShouldBe("main.tf");
        renamed.Start.ShouldBe(given.Start);
        renamed.End.ShouldBe(given.End);
        renamed.ShouldNotBe(inText);
    }
}
