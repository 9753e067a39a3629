using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sRunAsNonRootRule : LintRule
{
    public override string Id => "BERTH-K8S-004";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Container may run as root";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "Most images run as root unless told otherwise; root in a container is root on the node after any container escape. `runAsNonRoot: true` makes the kubelet refuse to start a container that would run as UID 0.";

    public override string Fix => "Set `securityContext.runAsNonRoot: true` on the pod (or each container), with a non-zero `runAsUser` if the image has no USER.";

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
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
              containers:
                - name: app
                  image: app:1.0
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            var podSecurity = Yaml.Map(obj.PodSpec, "securityContext");
            foreach (var container in obj.Containers())
            {
                var security = Yaml.Map(container, "securityContext");

                // The container's settings override the pod's (PodSecurityContext docs). A non-zero runAsUser runs the
                // process as that user whatever the image says, so it is not root even without runAsNonRoot.
                var nonRoot = Yaml.Bool(security, "runAsNonRoot") ?? Yaml.Bool(podSecurity, "runAsNonRoot") ?? false;
                var user = Yaml.Str(security, "runAsUser") ?? Yaml.Str(podSecurity, "runAsUser");
                if (user == "0")
                {
                    yield return Report(obj, obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' runs as root (runAsUser is 0)");
                }
                else if (!nonRoot && user is null)
                {
                    yield return Report(obj, obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' may run as root (runAsNonRoot is not true)");
                }
            }
        }
    }
}
