using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sServiceAccountTokenRule : LintRule
{
    public override string Id => "BERTH-K8S-014";

    public override Severity Severity => Severity.Low;

    public override string Title => "Workload on the default service account mounts an API token";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "Every pod gets a Kubernetes API token unless `automountServiceAccountToken: false`. A workload that runs as its namespace's `default` service account has no RBAC of its own, so it does not call the API — the token only helps an attacker who gets into the container (and any role someone later binds to `default` leaks to every such pod). Workloads with their own service account are assumed to need the API (or Pod Identity/IRSA, which use their own projected token) and are not flagged.";

    public override string Fix => "Set `automountServiceAccountToken: false` in the pod spec (or on the namespace's `default` ServiceAccount); give a workload that does call the API its own service account and role.";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: web:1.0
        """);

    public override RuleExample Passing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              automountServiceAccountToken: false
              containers:
                - name: web
                  image: web:1.0
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        // Namespaces whose default ServiceAccount opts out of the token for every pod that uses it.
        var optedOut = input.OfKind("ServiceAccount")
            .Where(sa => sa.Name == "default" && Yaml.Bool(sa.Root, "automountServiceAccountToken") == false)
            .Select(sa => sa.Namespace ?? "default")
            .ToHashSet(StringComparer.Ordinal);
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            var pod = obj.PodSpec;
            if (pod is null)
            {
                continue;
            }

            var account = Yaml.Str(pod, "serviceAccountName") ?? Yaml.Str(pod, "serviceAccount") ?? "default";
            var automount = Yaml.Bool(pod, "automountServiceAccountToken");
            if (account == "default" && automount != false && (automount == true || !optedOut.Contains(obj.Namespace ?? "default")))
            {
                var at = Yaml.Get(pod, "automountServiceAccountToken") is { } node ? obj.RangeOf(node) : obj.Range;
                yield return Report(obj, at, "runs as the default service account with an API token mounted (automountServiceAccountToken is not false)");
            }
        }
    }
}
