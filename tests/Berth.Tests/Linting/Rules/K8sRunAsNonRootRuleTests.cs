using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sRunAsNonRootRuleTests : RuleTests<K8sRunAsNonRootRule>
{
    private const string Pod = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              securityContext:
                runAsUser: USER
              containers:
                - name: app
                  image: app:1.0
        """;

    [Fact]
    public void A_non_zero_run_as_user_is_not_root_and_zero_is()
    {
        Lint(("deploy.yaml", Pod.Replace("USER", "1000", StringComparison.Ordinal))).ShouldBeEmpty();
        var finding = Lint(("deploy.yaml", Pod.Replace("USER", "0", StringComparison.Ordinal))).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-004", 11, 11));
        finding.Message.ShouldBe("Deployment api: container 'app' runs as root (runAsUser is 0)");
    }
}
