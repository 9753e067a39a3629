using System.Text;
using Berth.Linting.Reporting;

namespace Berth.Tests.Linting.Reporting;

public sealed class TextWriterStreamTests
{
    [Fact]
    public void Utf8_written_in_pieces_arrives_as_the_same_text_even_when_a_character_is_cut()
    {
        // "é" is two bytes, "€" three and "𝄞" four: every cut point falls inside one of them somewhere.
        var text = string.Concat(Enumerable.Repeat("ECS-001 é € 𝄞 ", 2000));
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var piece in new[] { 1, 2, 3, 5, 4096, 10_000 })
        {
            using var output = new StringWriter();
            using (var stream = new TextWriterStream(output))
            {
                for (var i = 0; i < bytes.Length; i += piece)
                {
                    stream.Write(bytes, i, Math.Min(piece, bytes.Length - i));
                }
            }

            output.ToString().ShouldBe(text, "pieces of " + piece + " bytes");
        }
    }
}
