using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class KarpenterAmiAliasRuleTests : RuleTests<KarpenterAmiAliasRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-KARP-004", 8, 7));
        finding.Message.ShouldBe("EC2NodeClass default: amiSelectorTerms alias al2023@latest moves every node to each new AMI as AWS publishes it");
    }
}
