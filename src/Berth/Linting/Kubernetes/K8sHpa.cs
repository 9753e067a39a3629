namespace Berth.Linting.Kubernetes;

/// <summary>Finds the autoscaler that owns a workload's replica count: a HorizontalPodAutoscaler, or a KEDA ScaledObject (which makes one).</summary>
public static class K8sHpa
{
    public static KubeObject? Targets(LintInput input, KubeObject workload) =>
        input.OfKind("HorizontalPodAutoscaler").Concat(input.OfKind("ScaledObject")).FirstOrDefault(h =>
            (h.Namespace ?? "default") == (workload.Namespace ?? "default")
            && TargetKind(h) == workload.Kind
            && Yaml.Str(Yaml.Map(h.Spec, "scaleTargetRef"), "name") == workload.Name);

    /// <summary>The kind the autoscaler scales; a ScaledObject's scaleTargetRef.kind defaults to Deployment (KEDA's ScaledObject spec).</summary>
    private static string? TargetKind(KubeObject autoscaler) =>
        Yaml.Str(Yaml.Map(autoscaler.Spec, "scaleTargetRef"), "kind") ?? (autoscaler.Kind == "ScaledObject" ? "Deployment" : null);
}
