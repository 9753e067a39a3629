using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sSecretInEnvRule : LintRule
{
    public override string Id => "BERTH-K8S-016";

    public override Severity Severity => Severity.High;

    public override string Title => "Secret written as a plain env value";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "An env var named like a password, token or key with a literal `value:` puts the secret in Git, in every rendered manifest, in `kubectl get -o yaml` for anyone who may read the workload, and in the ReplicaSet history.";

    public override string Fix => "Put the value in a Secret (synced from Secrets Manager by External Secrets or the Secrets Store CSI driver) and reference it with `valueFrom.secretKeyRef`.";

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
                  env:
                    - name: DB_PASSWORD
                      value: hunter2
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
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: db
                          key: password
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                foreach (var entry in Yaml.Seq(container, "env"))
                {
                    if (Yaml.Str(entry, "name") is { } name && EcsSecretsInEnvironmentRule.SecretName().IsMatch(name) && Yaml.Str(entry, "value") is { Length: > 0 })
                    {
                        yield return Report(obj, Yaml.KeyRange(obj.File, entry, "value") ?? obj.RangeOf(entry), "container '" + Yaml.Str(container, "name") + "' sets " + name + " as a plain value; use a secretKeyRef");
                    }
                }
            }
        }
    }
}
