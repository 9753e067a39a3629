using Berth.Linting.Hcl;

namespace Berth.Tests.Linting.Hcl;

public sealed class HclStringPoolTests
{
    [Fact]
    public void Files_parsed_into_one_pool_share_their_names_and_short_literals()
    {
        var pool = new HclStringPool();
        const string Text = "resource \"aws_security_group\" \"a\" {\n  protocol = \"tcp\"\n  from_port = 443\n}\n";
        var first = HclParser.Parse("a.tf", Text, pool).Body.Blocks[0];
        var second = HclParser.Parse("b.tf", Text, pool).Body.Blocks[0];

        ReferenceEquals(first.Type, second.Type).ShouldBeTrue();
        ReferenceEquals(first.Labels[0], second.Labels[0]).ShouldBeTrue();
        ReferenceEquals(first.Body.Attributes[0].Name, second.Body.Attributes[0].Name).ShouldBeTrue();
        var literal = (TemplateLiteral)((HclTemplate)first.Body.Attributes[0].Value).Parts[0];
        var again = (TemplateLiteral)((HclTemplate)second.Body.Attributes[0].Value).Parts[0];
        literal.Text.ShouldBe("tcp");
        ReferenceEquals(literal.Text, again.Text).ShouldBeTrue();
    }

    [Fact]
    public void A_long_text_is_kept_as_it_comes_and_equal_texts_are_one_string()
    {
        var pool = new HclStringPool();
        var longText = new string('x', HclStringPool.MaxPooledLength + 1);
        ReferenceEquals(pool.Get(longText), pool.Get(longText)).ShouldBeFalse();
        pool.Get(longText).ShouldBe(longText);
        ReferenceEquals(pool.Get("name".AsSpan()), pool.Get("xname"[1..].AsSpan())).ShouldBeTrue();
    }
}
