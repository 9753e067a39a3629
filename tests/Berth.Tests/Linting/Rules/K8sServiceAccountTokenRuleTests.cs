using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sServiceAccountTokenRuleTests : RuleTests<K8sServiceAccountTokenRule>
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              SERVICE_ACCOUNT
              containers:
                - name: web
                  image: web:1.0
        """;

    [Fact]
    public void A_workload_with_its_own_service_account_is_assumed_to_need_the_api() =>
        Lint(("d.yaml", Deployment.Replace("SERVICE_ACCOUNT", "serviceAccountName: web", StringComparison.Ordinal))).ShouldBeEmpty();

    [Fact]
    public void The_default_service_account_opting_out_covers_its_namespace()
    {
        var deployment = Deployment.Replace("SERVICE_ACCOUNT", "serviceAccountName: default", StringComparison.Ordinal);
        Lint(("d.yaml", deployment)).ShouldHaveSingleItem();
        Lint(("d.yaml", deployment), ("sa.yaml", """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: default
              namespace: shop
            automountServiceAccountToken: false
            """)).ShouldBeEmpty();
    }

    [Fact]
    public void An_explicit_true_in_the_pod_overrides_the_service_account() =>
        Lint(("d.yaml", Deployment.Replace("SERVICE_ACCOUNT", "automountServiceAccountToken: true", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Range.Line.ShouldBe(9);
}
