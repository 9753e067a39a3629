using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sFixedReplicasWithHpaRule : LintRule
{
    public override string Id => "BERTH-K8S-010";

    public override Severity Severity => Severity.Low;

    public override string Title => "Fixed replicas on a workload an HPA scales";

    public override string Resource => "Deployment, StatefulSet";

    public override string Why => "When an HPA scales a Deployment, a `replicas` field in the manifest fights it: every `kubectl apply` or GitOps sync resets the count to the fixed value, scaling a busy service down until the HPA reacts again.";

    public override string Fix => "Remove `spec.replicas` from workloads that an HPA (or KEDA ScaledObject) scales.";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: api
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
          minReplicas: 3
          maxReplicas: 20
        """);

    public override RuleExample Passing => new("deploy.yaml", """
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
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: api
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
          minReplicas: 3
          maxReplicas: 20
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" && o.IsWorkload))
        {
            if (Yaml.KeyRange(obj.File, obj.Spec, "replicas") is { } at && K8sHpa.Targets(input, obj) is { } hpa)
            {
                yield return Report(obj, at, "sets replicas but HorizontalPodAutoscaler " + hpa.Name + " scales it");
            }
        }
    }
}
