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
}
