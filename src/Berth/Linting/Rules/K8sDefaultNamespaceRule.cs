using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sDefaultNamespaceRule : LintRule
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "NetworkPolicy",
    };

    public override string Id => "BERTH-K8S-015";

    public override Severity Severity => Severity.Low;

    public override string Title => "Resource in the default namespace";

    public override string Resource => "namespaced objects (workloads, Service, Ingress, HPA, PDB, ConfigMap, Secret, RBAC, NetworkPolicy)";

    public override string Why => "The `default` namespace has no quotas, limit ranges, network policies or RBAC boundaries of its own, and everything put there shares them. Namespaces per team or application are where those controls (and cost allocation) attach.";

    public override string Fix => "Set `metadata.namespace` to the application's namespace (or set `namespace:` in the kustomization that applies the manifests).";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: default
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
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        // A manifest without a namespace takes the one its kustomization (in its folder or above, or an overlay that
        // builds it as a base) sets; a Helm chart's templates take the release namespace (helm install -n).
        var kustomized = Kustomize.NamespacedFolders(input.Objects);
        foreach (var obj in input.Objects.Where(o => Kinds.Contains(o.Kind) && o.Group is "" or "apps" or "batch" or "networking.k8s.io" or "autoscaling" or "policy" or "rbac.authorization.k8s.io"))
        {
            if (obj.Namespace == "default")
            {
                yield return Report(obj, obj.RangeOf(Yaml.Get(obj.Metadata, "namespace")), "is in the default namespace");
            }
            else if (obj.Namespace is null && !kustomized.Any(dir => InOrBelow(obj.File, dir)) && !Kustomize.IsHelmTemplate(obj.File))
            {
                yield return Report(obj, obj.RangeOf(obj.Metadata), "has no namespace: it lands in default unless the tool that applies it sets one");
            }
        }
    }

    private static bool InOrBelow(string file, string dir) =>
        (Path.GetDirectoryName(file) ?? "").Equals(dir, StringComparison.Ordinal)
        || file.StartsWith(dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
