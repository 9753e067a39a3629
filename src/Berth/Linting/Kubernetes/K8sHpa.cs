namespace Berth.Linting.Kubernetes;

/// <summary>Finds the HorizontalPodAutoscaler that scales a workload.</summary>
public static class K8sHpa
{
    public static KubeObject? Targets(LintInput input, KubeObject workload) =>
        input.OfKind("HorizontalPodAutoscaler").FirstOrDefault(h =>
            (h.Namespace ?? "default") == (workload.Namespace ?? "default")
            && Yaml.Str(Yaml.Map(h.Spec, "scaleTargetRef"), "kind") == workload.Kind
            && Yaml.Str(Yaml.Map(h.Spec, "scaleTargetRef"), "name") == workload.Name);
}
