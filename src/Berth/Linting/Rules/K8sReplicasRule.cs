using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sReplicasRule : LintRule
{
    public override string Id => "BERTH-K8S-007";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Deployment or StatefulSet with fewer than 2 replicas";

    public override string Resource => "Deployment, StatefulSet, Rollout";

    public override string Why => "One replica (the default when `replicas` is absent) means every node drain, Spot interruption, Karpenter consolidation or crash is an outage.";

    public override string Fix => "Run at least 2 replicas (spread across zones), or scale with an HPA whose minReplicas is at least 2.";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 1
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
        """);

    public override RuleExample Passing => new("deploy.yaml", """
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
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" or "Rollout" && o.IsWorkload))
        {
            if (K8sHpa.Targets(input, obj) is not null)
            {
                continue;
            }

            var replicas = Yaml.Str(obj.Spec, "replicas");
            // replicas: 0 is a deliberate scale to zero (a parked or KEDA-driven workload), not a single point of failure.
            if (replicas is null || (int.TryParse(replicas, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n == 1))
            {
                yield return Report(obj, Yaml.KeyRange(obj.File, obj.Spec, "replicas") ?? obj.Range, "runs " + (replicas ?? "1 (default)") + " replica(s)");
            }
        }
    }
}
