using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// A controller the cluster runs for itself, with the requests the generated platform sets for it (Helm values in
/// bootstrap/, add-on configuration in terraform/), so the capacity Berth prices for it is the capacity it asks for.
/// </summary>
/// <param name="Name">The Deployment (or StatefulSet) name.</param>
/// <param name="Namespace">Where it runs.</param>
/// <param name="Replicas">Pods it runs.</param>
/// <param name="Cpu">CPU request per pod.</param>
/// <param name="Memory">Memory request per pod.</param>
/// <param name="Source">Where the figure comes from: the chart's or add-on's default, or Berth's choice set in the values.</param>
public sealed record ControllerPod(string Name, string Namespace, int Replicas, Millicores Cpu, ByteSize Memory, string Source);

/// <summary>The cluster's own controllers on every EKS option: what needs a node before any workload does.</summary>
public static class ClusterControllers
{
    public const string KubeSystem = "kube-system";
    public const string ArgoCd = "argocd";
    public const string Keda = "keda";

    /// <summary>The controllers of a platform Berth generates for this spec; Karpenter only where it provisions the nodes.</summary>
    public static IReadOnlyList<ControllerPod> For(BerthSpec spec, bool karpenter)
    {
        var pods = new List<ControllerPod>();
        if (karpenter)
        {
            // Karpenter's chart: 2 replicas (leader election); requests as bootstrap/main.tf sets them.
            pods.Add(new("karpenter", KubeSystem, 2, new Millicores(500), ByteSize.FromMiB(1024), "bootstrap/ Helm values"));
        }

        // The EKS CoreDNS add-on's defaults (2 replicas, 100m / 70Mi).
        pods.Add(new("coredns", KubeSystem, 2, new Millicores(100), ByteSize.FromMiB(70), "EKS coredns add-on default"));

        // aws-ebs-csi-driver controller: six containers (driver and CSI sidecars) at 10m / 40Mi each.
        pods.Add(new("ebs-csi-controller", KubeSystem, 2, new Millicores(60), ByteSize.FromMiB(240), "aws-ebs-csi-driver add-on default"));
        pods.Add(new("aws-load-balancer-controller", KubeSystem, 2, new Millicores(100), ByteSize.FromMiB(128), "bootstrap/ Helm values"));

        // ArgoCD in HA (redis-ha with HAProxy), requests set in bootstrap/ Helm values.
        pods.Add(new("argocd-application-controller", ArgoCd, 1, new Millicores(250), ByteSize.FromMiB(512), "bootstrap/ Helm values"));
        pods.Add(new("argocd-server", ArgoCd, 2, new Millicores(50), ByteSize.FromMiB(128), "bootstrap/ Helm values"));
        pods.Add(new("argocd-repo-server", ArgoCd, 2, new Millicores(100), ByteSize.FromMiB(256), "bootstrap/ Helm values"));
        pods.Add(new("argocd-applicationset-controller", ArgoCd, 2, new Millicores(50), ByteSize.FromMiB(128), "bootstrap/ Helm values"));
        pods.Add(new("argocd-redis-ha-server", ArgoCd, 3, new Millicores(100), ByteSize.FromMiB(256), "bootstrap/ Helm values"));
        pods.Add(new("argocd-redis-ha-haproxy", ArgoCd, 3, new Millicores(50), ByteSize.FromMiB(64), "bootstrap/ Helm values"));
        if (NeedsKeda(spec))
        {
            // KEDA's chart defaults: 100m / 100Mi for the operator, the metrics API server and the webhooks.
            pods.Add(new("keda-operator", Keda, 2, new Millicores(100), ByteSize.FromMiB(100), "KEDA chart default"));
            pods.Add(new("keda-operator-metrics-apiserver", Keda, 2, new Millicores(100), ByteSize.FromMiB(100), "KEDA chart default"));
            pods.Add(new("keda-admission-webhooks", Keda, 1, new Millicores(100), ByteSize.FromMiB(100), "KEDA chart default"));
        }

        return pods;
    }

    /// <summary>KEDA is installed when any service scales on an event source.</summary>
    public static bool NeedsKeda(BerthSpec spec) => spec.Services.Any(s => s.EventSource is not null);

    public static int Pods(IReadOnlyList<ControllerPod> controllers) => controllers.Sum(c => c.Replicas);
}
