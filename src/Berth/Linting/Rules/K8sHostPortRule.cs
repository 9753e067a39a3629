using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sHostPortRule : LintRule
{
    public override string Id => "BERTH-K8S-018";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Container binds a port on the node (hostPort)";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "A hostPort opens the port on the node's own address, around the Service and any NetworkPolicy the CNI enforces on pod IPs, and it limits the workload to one pod per node per port: a rollout or a Karpenter consolidation can leave a pod Pending (\"didn't have free ports\").";

    public override string Fix => "Remove `hostPort` and reach the pod through a Service (and an Ingress or load balancer); for a node agent that must listen on the node, use a DaemonSet with `hostNetwork` and document why.";

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
                  ports:
                    - containerPort: 8080
                      hostPort: 8080
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
                  ports:
                    - containerPort: 8080
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                foreach (var port in Yaml.Seq(container, "ports"))
                {
                    if (Yaml.Str(port, "hostPort") is { Length: > 0 } hostPort && hostPort != "0")
                    {
                        yield return Report(obj, Yaml.KeyRange(obj.File, port, "hostPort") ?? obj.RangeOf(port), "container '" + Yaml.Str(container, "name") + "' binds hostPort " + hostPort + " on the node");
                    }
                }
            }
        }
    }
}
