using Berth.Spec;

namespace Berth.Tests.Spec;

public sealed class SuggestTests
{
    [Theory]
    [InlineData("regoin", "region")]
    [InlineData("prod", "production")]
    [InlineData("dev", "development")]
    [InlineData("x86", "x86_64")]
    [InlineData("Region", "region")]
    [InlineData("eu-west-9", "eu-west-1")]
    public void Suggests_the_close_or_abbreviated_candidate(string input, string expected)
    {
        string[] candidates = ["production", "staging", "development", "region", "x86_64", "arm64", "eu-west-1", "eu-west-2"];

        Suggest.Closest(input, candidates).ShouldBe(expected);
        Suggest.DidYouMean(input, candidates).ShouldBe($" (did you mean '{expected}'?)");
    }

    [Theory]
    [InlineData("expert")]
    [InlineData("zz")]
    [InlineData("")]
    public void Suggests_nothing_for_a_distant_word(string input)
    {
        string[] candidates = ["none", "some", "strong"];

        Suggest.Closest(input, candidates).ShouldBeNull();
        Suggest.DidYouMean(input, candidates).ShouldBe("");
    }

    [Fact]
    public void Distance_counts_an_adjacent_swap_as_one_edit()
    {
        Suggest.Distance("regoin", "region").ShouldBe(1);
        Suggest.Distance("kitten", "sitting").ShouldBe(3);
        Suggest.Distance("", "abc").ShouldBe(3);
    }
}
