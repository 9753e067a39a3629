using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sPrivilegeEscalationRule : LintRule
{
    public override string Id => "BERTH-K8S-009";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Container allows privilege escalation";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "`allowPrivilegeEscalation` defaults to true: a setuid binary in the image can gain more privileges than the process started with. The restricted Pod Security Standard requires it to be false.";

    public override string Fix => "Set `securityContext.allowPrivilegeEscalation: false` on every container (and drop all capabilities).";

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
                  securityContext:
                    allowPrivilegeEscalation: false
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                if (Yaml.Bool(Yaml.Map(container, "securityContext"), "allowPrivilegeEscalation") != false)
                {
                    yield return Report(obj, obj.RangeOf(container), "container '" + Yaml.Str(container, "name") + "' allows privilege escalation");
                }
            }
        }
    }
}
