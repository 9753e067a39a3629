using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sReadOnlyRootRuleTests : RuleTests<K8sReadOnlyRootRule>
{
    [Fact]
    public void Init_containers_and_cronjobs_are_checked_and_an_explicit_false_is_pointed_at()
    {
        var findings = Lint(("cron.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
              namespace: batch
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: fetch
                          image: fetch:1.0
                          securityContext:
                            readOnlyRootFilesystem: false
                      containers:
                        - name: report
                          image: report:1.0
                          securityContext:
                            readOnlyRootFilesystem: true
            """));
        var finding = findings.ShouldHaveSingleItem();
        finding.Message.ShouldContain("'fetch'");
        finding.Range.Line.ShouldBe(16);
    }
}
