using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sReplicasRuleTests : RuleTests<K8sReplicasRule>
{
    [Fact]
    public void A_workload_scaled_by_an_hpa_is_not_flagged() =>
        Lint(("deploy.yaml", Rule.Failing.Content + """

            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: api
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
              minReplicas: 2
              maxReplicas: 10
            """)).ShouldBeEmpty();
}
