using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sProbesRule : LintRule
{
    public override string Id => "BERTH-K8S-006";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Long-running container without readiness or liveness probe";

    public override string Resource => "Deployment, StatefulSet, DaemonSet";

    public override string Why => "Without a readiness probe, a pod receives traffic the moment its process starts, and during a rollout the old pods go before the new ones can serve. Without a liveness probe, a hung process is never restarted.";

    public override string Fix => "Add `readinessProbe` and `livenessProbe` (HTTP on the health endpoint, or exec/TCP).";

    public override RuleExample Failing => new("deploy.yaml", """
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
                  readinessProbe:
                    httpGet: { path: /health, port: 8080 }
                  livenessProbe:
                    httpGet: { path: /health, port: 8080 }
        """);

    private static readonly string[] Probes = ["readinessProbe", "livenessProbe"];

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" or "DaemonSet" && o.IsWorkload))
        {
            foreach (var container in obj.Containers(includeInit: false))
            {
                var missing = Probes.Where(p => Yaml.Get(container, p) is null).ToList();
                if (missing.Count > 0)
                {
                    yield return Report(obj, obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' has no " + string.Join(" or ", missing));
                }
            }
        }
    }
}
