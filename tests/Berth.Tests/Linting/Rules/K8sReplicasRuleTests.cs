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

    [Fact]
    public void Scale_to_zero_and_kustomize_patches_are_not_workloads_to_judge()
    {
        Lint(("deploy.yaml", Rule.Failing.Content.Replace("replicas: 1", "replicas: 0", StringComparison.Ordinal))).ShouldBeEmpty();

        // An overlay deletes a base Deployment with a $patch: delete document, and patches another with a file it lists.
        var deletion = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: legacy
            $patch: delete
            """;
        var patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: app:1.1
            """;
        var kustomization = """
            resources:
              - ../../base
            patches:
              - path: api-image.yaml
              - path: delete-legacy.yaml
            """;
        Lint(("overlays/prod/delete-legacy.yaml", deletion), ("overlays/prod/api-image.yaml", patch), ("overlays/prod/kustomization.yaml", kustomization)).ShouldBeEmpty();

        var finding = Lint(("deploy.yaml", Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-K8S-007", 6, 3));
        finding.Message.ShouldBe("Deployment api: runs 1 replica(s)");
    }
}
