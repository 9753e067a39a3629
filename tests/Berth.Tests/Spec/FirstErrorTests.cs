using Berth.Spec;

namespace Berth.Tests.Spec;

/// <summary>The first error reported is the one to fix: a misspelt required key is named at the misspelling, with
/// the key meant, and not again as "missing" at the top of its mapping.</summary>
public sealed class FirstErrorTests
{
    [Theory]
    [InlineData("version: 1\nname: shop\nservics:\n  - name: web\n", "test.yaml:3:1: error: berth.yaml: unknown key 'servics' (did you mean 'services'?)")]
    [InlineData("versoin: 1\nname: shop\nservices:\n  - name: web\n", "test.yaml:1:1: error: berth.yaml: unknown key 'versoin' (did you mean 'version'?)")]
    [InlineData("version: 1\nname: shop\nservices:\n  - nme: web\n", "test.yaml:4:5: error: services[0]: unknown key 'nme' (did you mean 'name'?)")]
    public void A_misspelt_required_key_is_one_error_at_the_misspelling(string yaml, string expected)
    {
        var errors = SpecLoader.Parse(yaml, "test.yaml").Errors;

        errors.Count.ShouldBe(1, string.Join('\n', errors));
        errors[0].ToString().ShouldStartWith(expected);
        errors.ShouldNotContain(e => e.Message.Contains("missing required key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_key_that_is_simply_absent_is_still_reported()
    {
        var errors = SpecLoader.Parse("version: 1\nname: shop\nregion: eu-west-1\n", "test.yaml").Errors;

        errors.Single().ToString().ShouldBe("test.yaml:1:1: error: berth.yaml: missing required key 'services'");
    }
}
