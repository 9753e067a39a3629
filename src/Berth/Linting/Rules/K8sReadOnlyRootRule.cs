using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sReadOnlyRootRule : LintRule
{
    public override string Id => "BERTH-K8S-011";

    public override Severity Severity => Severity.Low;

    public override string Title => "Container with a writable root filesystem";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "A writable root filesystem lets an attacker (or a bug) replace binaries and configuration inside the running container and persist there until it restarts. A read-only root, with emptyDir volumes for the paths the process writes, makes tampering fail loudly.";

    public override string Fix => "Set `securityContext.readOnlyRootFilesystem: true` on the container and mount an `emptyDir` for /tmp and any other path it writes.";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
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
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
                  securityContext:
                    readOnlyRootFilesystem: true
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              volumes:
                - name: tmp
                  emptyDir: {}
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                var security = Yaml.Map(container, "securityContext");
                if (Yaml.Bool(security, "readOnlyRootFilesystem") != true)
                {
                    var at = Yaml.Get(security, "readOnlyRootFilesystem") is { } node ? obj.RangeOf(node) : obj.RangeOf(container);
                    yield return Report(obj, at, "container '" + Yaml.Str(container, "name") + "' has a writable root filesystem");
                }
            }
        }
    }
}
