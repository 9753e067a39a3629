using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sMemoryLimitRule : LintRule
{
    public override string Id => "BERTH-K8S-002";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Container without a memory limit";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "Without a memory limit a leaking container grows until the node is under memory pressure and the kubelet evicts its neighbours (DOMAIN.md §5: a leak OOMs the node). With a limit, only the leaking container is OOM-killed and restarted.";

    public override string Fix => "Set `resources.limits.memory` (commonly equal to the memory request).";

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
                  resources:
                    requests: { cpu: 250m, memory: 512Mi }
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
                  resources:
                    requests: { cpu: 250m, memory: 512Mi }
                    limits: { memory: 512Mi }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                if (Yaml.Get(Yaml.Map(Yaml.Map(container, "resources"), "limits"), "memory") is null)
                {
                    yield return Report(obj, obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' has no memory limit");
                }
            }
        }
    }
}
