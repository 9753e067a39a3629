using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sResourceRequestsRuleTests : RuleTests<K8sResourceRequestsRule>
{
    [Fact]
    public void Multi_document_files_report_each_object_at_its_line()
    {
        var findings = Lint(("k8s/all.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: api
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: job
                          image: job:1
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
            """));
        findings.Select(f => f.Range.Line).ShouldBe([16, 25]);
        findings[0].Address.ShouldBe("CronJob/default/nightly");
    }

    [Fact]
    public void Yaml_that_is_not_kubernetes_is_skipped_quietly()
    {
        var result = LintFiles.Run([Rule], [("values.yaml", "replicaCount: 1\nimage: { tag: latest }\n"), ("broken.yaml", "a: [\n")]);
        result.Findings.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty();
    }
}
