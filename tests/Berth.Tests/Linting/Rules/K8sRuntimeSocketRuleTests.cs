using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sRuntimeSocketRuleTests : RuleTests<K8sRuntimeSocketRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-017", 17, 13));
        finding.Message.ShouldBe("DaemonSet builder: volume 'docker' mounts the container runtime socket /var/run/docker.sock from the node");
    }
}
