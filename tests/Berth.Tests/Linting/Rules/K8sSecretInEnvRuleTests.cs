using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sSecretInEnvRuleTests : RuleTests<K8sSecretInEnvRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-016", 13, 15));
        finding.Message.ShouldBe("Deployment api: container 'app' sets DB_PASSWORD as a plain value; use a secretKeyRef");
    }
}
