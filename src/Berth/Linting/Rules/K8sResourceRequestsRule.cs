using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sResourceRequestsRule : LintRule
{
    public override string Id => "BERTH-K8S-001";

    public override Severity Severity => Severity.High;

    public override string Title => "Container without CPU and memory requests";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "The scheduler and Karpenter size nodes from requests: a pod without them is packed as if it needed nothing, lands on a full node and is the first evicted (DOMAIN.md §5: pods without resource requests).";

    public override string Fix => "Set `resources.requests.cpu` and `resources.requests.memory` on every container, from observed usage.";

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
                  resources:
                    requests: { cpu: 250m, memory: 512Mi }
        """);

    private static readonly string[] Resources = ["cpu", "memory"];

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                var requests = Yaml.Map(Yaml.Map(container, "resources"), "requests");
                var missing = Resources.Where(k => Yaml.Get(requests, k) is null).ToList();
                if (missing.Count > 0)
                {
                    yield return Report(obj, obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' has no " + string.Join(" or ", missing) + " request");
                }
            }
        }
    }
}
