using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sDangerousCapabilitiesRuleTests : RuleTests<K8sDangerousCapabilitiesRule>
{
    [Fact]
    public void Each_dangerous_capability_is_reported_on_its_line_with_or_without_the_cap_prefix()
    {
        var findings = Lint(("ds.yaml", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
              namespace: monitoring
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: agent:3
                      securityContext:
                        capabilities:
                          add:
                            - NET_BIND_SERVICE
                            - CAP_SYS_ADMIN
                            - SYS_PTRACE
            """));
        findings.Select(f => f.Range.Line).ShouldBe([16, 17]);
        findings[0].Message.ShouldContain("SYS_ADMIN");
    }
}
