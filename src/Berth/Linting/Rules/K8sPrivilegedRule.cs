using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sPrivilegedRule : LintRule
{
    public override string Id => "BERTH-K8S-003";

    public override Severity Severity => Severity.Critical;

    public override string Title => "Privileged container or host namespaces";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "A privileged container, or a pod sharing the node's network, PID or IPC namespace, can read and change the node and every pod on it — one compromised workload becomes the whole node.";

    public override string Fix => "Remove `privileged: true`, `hostNetwork`, `hostPID` and `hostIPC`; add only the capabilities needed.";

    public override RuleExample Failing => new("ds.yaml", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              hostPID: true
              containers:
                - name: agent
                  image: agent:1.0
                  securityContext:
                    privileged: true
        """);

    public override RuleExample Passing => new("ds.yaml", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              containers:
                - name: agent
                  image: agent:1.0
                  securityContext:
                    privileged: false
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            var pod = obj.PodSpec;
            foreach (var key in new[] { "hostNetwork", "hostPID", "hostIPC" })
            {
                if (Yaml.Bool(pod, key) == true)
                {
                    yield return Report(obj, Yaml.KeyRange(obj.File, pod, key) ?? obj.Range, "the pod uses the node's namespace (" + key + ")");
                }
            }

            foreach (var container in obj.Containers())
            {
                var security = Yaml.Map(container, "securityContext");
                if (Yaml.Bool(security, "privileged") == true)
                {
                    yield return Report(obj, Yaml.KeyRange(obj.File, security, "privileged") ?? obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' is privileged");
                }
            }
        }
    }
}
