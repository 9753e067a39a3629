using Berth.Generation.Hcl;
using Berth.Planning;
using Berth.Spec;
using static Berth.Generation.Hcl.HclValue;
using static Berth.Generation.Terraform.TerraformBlocks;

namespace Berth.Generation.Eks;

/// <summary>bootstrap/: its own root (the Helm provider needs the cluster to exist): Karpenter, the AWS Load
/// Balancer Controller and ArgoCD in HA with local admin disabled, and KEDA when a service scales on an event source.
/// The controllers' AWS roles live in terraform/ (Pod Identity associations with the service accounts the charts create).</summary>
public static class EksBootstrap
{
    public const string Folder = "bootstrap";

    public static IReadOnlyList<GeneratedFile> Files(BerthSpec spec, KarpenterPlan plan) =>
    [
        new($"{Folder}/versions.tf", Versions(root: true, ("helm", "hashicorp/helm", ">= 2.17, < 3.0"))),
        new($"{Folder}/variables.tf", Variables(spec)),
        new($"{Folder}/main.tf", Main(spec, plan)),
    ];

    /// <summary>A controller's requests as the plan prices them, with a memory limit of twice the request.</summary>
    private static HclObject Resources(KarpenterPlan plan, string controller)
    {
        var c = plan.System.Controllers.First(x => x.Name == controller);
        return HclObject.Of(
            ("requests", HclObject.Of(("cpu", Str(K8sManifests.Quantity(c.Cpu))), ("memory", Str(K8sManifests.Quantity(c.Memory))))),
            ("limits", HclObject.Of(("memory", Str(K8sManifests.Quantity(new ByteSize(c.Memory.Bytes * 2)))))));
    }

    private static string Variables(BerthSpec spec) => HclWriter.File(f =>
    {
        Variable(f, "region", "string", "AWS region of the cluster.", v => v.Set("default", spec.Region));
        Variable(f, "cluster_name", "string", "The cluster terraform/ created.", v => v.Set("default", spec.Name));
        Variable(f, "vpc_id", "string", "VPC of the cluster (the load balancer controller needs it).");
        Variable(f, "karpenter_interruption_queue", "string", "terraform output karpenter_interruption_queue.");
        Variable(f, "argocd_oidc_config", "string", "ArgoCD's oidc.config (YAML): SSO replaces the local admin, which is disabled.");
        Variable(f, "karpenter_chart_version", "string", "Karpenter chart (v1 API).", v => v.Set("default", "1.5.0"));
        Variable(f, "load_balancer_controller_chart_version", "string", "AWS Load Balancer Controller chart.", v => v.Set("default", "1.13.0"));
        Variable(f, "argocd_chart_version", "string", "argo-cd chart (ArgoCD before 3.1).", v => v.Set("default", "7.8.0"));
        if (ControllerIdentities.NeedsKeda(spec))
        {
            Variable(f, "keda_chart_version", "string", "KEDA chart (scales services on queue depth or consumer lag).", v => v.Set("default", "2.17.0"));
        }
    });

    private static string Main(BerthSpec spec, KarpenterPlan plan) => HclWriter.File(f =>
    {
        var placement = EksTerraform.SystemPlacement(plan);
        f.Block("provider", "aws", p => p.Expr("region", "var.region"));
        f.Block("data", "aws_eks_cluster", "this", d => d.Expr("name", "var.cluster_name"));
        f.Block("data", "aws_eks_cluster_auth", "this", d => d.Expr("name", "var.cluster_name"));
        f.Comment("The API endpoint is private: run this from inside the VPC (a bastion, VPN or CI runner there).");
        f.Block("provider", "helm", p => p.Block("kubernetes", k => k
            .Expr("host", "data.aws_eks_cluster.this.endpoint")
            .Expr("cluster_ca_certificate", "base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)")
            .Expr("token", "data.aws_eks_cluster_auth.this.token")));
        f.Comment("Every controller runs on terraform/'s system node group (label berth.dev/system, taint CriticalAddonsOnly), with the");
        f.Comment("requests berth cost prices it at: Karpenter cannot launch the node it runs on.");
        Release(f, "karpenter", "oci://public.ecr.aws/karpenter", "karpenter", "kube-system", "var.karpenter_chart_version", HclObject.Of([
            ("replicas", Num(2)),
            ("settings", HclObject.Of(
                ("clusterName", Expr("var.cluster_name")),
                ("interruptionQueue", Expr("var.karpenter_interruption_queue")))),
            ("controller", HclObject.Of(("resources", Resources(plan, "karpenter")))),
            .. placement]));
        Release(f, "aws_load_balancer_controller", "https://aws.github.io/eks-charts", "aws-load-balancer-controller", "kube-system", "var.load_balancer_controller_chart_version", HclObject.Of([
            ("clusterName", Expr("var.cluster_name")),
            ("region", Expr("var.region")),
            ("vpcId", Expr("var.vpc_id")),
            ("replicaCount", Num(2)),
            ("resources", Resources(plan, "aws-load-balancer-controller")),
            // terraform/controllers.tf binds the controller's role to this service account (Pod Identity).
            ("serviceAccount", HclObject.Of(
                ("create", Bool(true)),
                ("name", Str(ControllerIdentities.LoadBalancerControllerServiceAccount)))),
            .. placement]));
        Release(f, "argocd", "https://argoproj.github.io/argo-helm", "argo-cd", "argocd", "var.argocd_chart_version", HclObject.Of(
            ("global", HclObject.Of(placement)),
            ("redis-ha", HclObject.Of([
                ("enabled", Bool(true)),
                ("redis", HclObject.Of(("resources", Resources(plan, "argocd-redis-ha-server")))),
                ("haproxy", HclObject.Of([("resources", Resources(plan, "argocd-redis-ha-haproxy")), .. placement])),
                .. placement])),
            ("controller", HclObject.Of(("replicas", Num(1)), ("resources", Resources(plan, "argocd-application-controller")))),
            ("server", HclObject.Of(("replicas", Num(2)), ("resources", Resources(plan, "argocd-server")))),
            ("repoServer", HclObject.Of(("replicas", Num(2)), ("resources", Resources(plan, "argocd-repo-server")))),
            ("applicationSet", HclObject.Of(("replicas", Num(2)), ("resources", Resources(plan, "argocd-applicationset-controller")))),
            // SSO through oidc.config replaces Dex; notifications are not part of the platform Berth prices.
            ("dex", HclObject.Of(("enabled", Bool(false)))),
            ("notifications", HclObject.Of(("enabled", Bool(false)))),
            ("configs", HclObject.Of(("cm", HclObject.Of(
                ("admin.enabled", Bool(false)),
                ("oidc.config", Expr("var.argocd_oidc_config"))))))));
        if (ControllerIdentities.NeedsKeda(spec))
        {
            // The chart's operator service account is keda/keda-operator: terraform/controllers.tf gives it the role
            // that reads queue depth; TriggerAuthentications use it (podIdentity provider aws, identity owner keda).
            Release(f, "keda", "https://kedacore.github.io/charts", "keda", ControllerIdentities.KedaNamespace, "var.keda_chart_version", HclObject.Of([
                ("operator", HclObject.Of(("replicaCount", Num(2)))),
                ("metricsServer", HclObject.Of(("replicaCount", Num(2)))),
                ("resources", HclObject.Of(
                    ("operator", Resources(plan, "keda-operator")),
                    ("metricServer", Resources(plan, "keda-operator-metrics-apiserver")),
                    ("webhooks", Resources(plan, "keda-admission-webhooks")))),
                .. placement]));
        }
    });

    private static void Release(HclBody f, string name, string repository, string chart, string ns, string version, HclValue values) =>
        f.Block("resource", "helm_release", name, r => r
            .Set("name", chart)
            .Set("repository", repository)
            .Set("chart", chart)
            .Expr("version", version)
            .Set("namespace", ns)
            .Set("create_namespace", ns != "kube-system")
            .Set("atomic", true)
            .Set("values", List(Call("yamlencode", values))));
}
