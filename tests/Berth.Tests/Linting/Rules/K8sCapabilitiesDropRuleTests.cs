using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sCapabilitiesDropRuleTests : RuleTests<K8sCapabilitiesDropRule>
{
    [Fact]
    public void Each_container_must_drop_all()
    {
        var findings = Lint(("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tools
              namespace: ops
            spec:
              containers:
                - name: a
                  image: a:1
                  securityContext:
                    capabilities:
                      drop: ["all"]
                - name: b
                  image: b:1
            """));
        findings.ShouldHaveSingleItem().Message.ShouldContain("'b'");
    }
}
