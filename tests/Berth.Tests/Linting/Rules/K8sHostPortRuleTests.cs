using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sHostPortRuleTests : RuleTests<K8sHostPortRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-018", 13, 15));
        finding.Message.ShouldBe("Deployment api: container 'app' binds hostPort 8080 on the node");
    }
}
