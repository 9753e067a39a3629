using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sPrivilegedRuleTests : RuleTests<K8sPrivilegedRule>
{
    [Fact]
    public void An_argo_rollout_is_a_workload_like_a_deployment()
    {
        var rollout = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: checkout
              namespace: shop
            spec:
              replicas: 4
              strategy:
                canary:
                  steps:
                    - setWeight: 20
                    - pause: { duration: 10m }
              template:
                spec:
                  containers:
                    - name: checkout
                      image: checkout:2.3
                      securityContext:
                        privileged: true
            """;
        var finding = Lint(("rollout.yaml", rollout)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-003", 19, 13));
        finding.Message.ShouldBe("Rollout checkout: container 'checkout' is privileged");
    }

    [Fact]
    public void Objects_applied_from_terraform_are_checked()
    {
        var tf = """
            resource "kubectl_manifest" "agent" {
              yaml_body = <<-YAML
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                  namespace: kube-system
                spec:
                  template:
                    spec:
                      hostPID: true
                      containers:
                        - name: agent
                          image: agent:1.0
                YAML
            }

            resource "kubernetes_manifest" "debug" {
              manifest = {
                apiVersion = "v1"
                kind       = "Pod"
                metadata   = { name = "debug", namespace = "ops" }
                spec = {
                  containers = [{ name = "shell", image = "busybox:1.36", securityContext = { privileged = true } }]
                }
              }
            }

            variable "body" {
              type = string
            }

            resource "kubectl_manifest" "unknown" {
              yaml_body = var.body
            }
            """;
        var result = LintFiles.Run([Rule], [("main.tf", tf)]);
        result.Findings.Select(f => (f.Message, f.Range.File, f.Range.Line)).ShouldBe([
            ("DaemonSet agent: the pod uses the node's namespace (hostPID)", "main.tf", 11),
            ("Pod debug: container 'shell' is privileged", "main.tf", 19),
        ]);
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("kubectl_manifest.unknown: var.body has no default and no value in the tfvars (pass one with --var-file); the Kubernetes object it applies is not checked");
    }
}
