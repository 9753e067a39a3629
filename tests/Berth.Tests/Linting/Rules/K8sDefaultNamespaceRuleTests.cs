using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sDefaultNamespaceRuleTests : RuleTests<K8sDefaultNamespaceRule>
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          ports:
            - port: 80
        """;

    [Fact]
    public void A_missing_namespace_is_flagged_unless_a_kustomization_sets_one()
    {
        Lint(("app/svc.yaml", Service)).ShouldHaveSingleItem().Message.ShouldContain("no namespace");
        Lint(("app/svc.yaml", Service), ("app/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: shop
            resources:
              - svc.yaml
            """)).ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_scoped_and_custom_kinds_are_not_flagged() =>
        Lint(("ns.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata:
              name: general
            """)).ShouldBeEmpty();

    [Fact]
    public void Kustomize_bases_built_by_a_namespaced_overlay_and_helm_templates_are_not_flagged()
    {
        var deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: app:1.0
            """;
        Lint(
            ("base/deployment.yaml", deployment),
            ("base/kustomization.yaml", "resources:\n  - deployment.yaml\n"),
            ("overlays/prod/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n  - ../../base\n")).ShouldBeEmpty();
        Lint(("charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n"), ("charts/api/templates/deployment.yaml", deployment)).ShouldBeEmpty();

        var finding = Lint(("base/deployment.yaml", deployment), ("base/kustomization.yaml", "resources:\n  - deployment.yaml\n")).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-015", 4, 3));
        finding.Message.ShouldBe("Deployment api: has no namespace: it lands in default unless the tool that applies it sets one");
    }
}
