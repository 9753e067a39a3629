using Berth.Generation.Hcl;
using Berth.Spec;
using static Berth.Generation.Hcl.HclValue;
using static Berth.Generation.Terraform.TerraformBlocks;
using static Berth.Generation.Terraform.TerraformTestBlocks;

namespace Berth.Generation.Eks;

/// <summary>
/// terraform/tests/plan.tftest.hcl: <c>terraform test</c> plans the cluster root against a mocked AWS provider (no
/// credentials) and asserts the production patterns the root exists for — private endpoint, KMS secrets encryption, all
/// five control-plane log types, API authentication with explicit access entries and no creator admin, pinned add-ons
/// including the Pod Identity agent, and Karpenter's interruption queue fed by EventBridge — as the ECS root's test does.
/// </summary>
public static class EksTerraformTest
{
    public const string TestFile = "tests/plan.tftest.hcl";

    /// <summary>The EventBridge events Karpenter's interruption handling reads (karpenter.tf).</summary>
    private static readonly string[] InterruptionEvents = ["health", "instance_state", "rebalance", "spot_interruption"];

    public static string File(BerthSpec spec, EksLayout layout) => HclWriter.File(f =>
    {
        MockProvider(f, _ => { });
        f.Block("variables", v => v
            .Set("vpc_id", "vpc-0123456789abcdef0")
            .Set("private_subnet_ids", Strings(["subnet-0a000000000000001", "subnet-0a000000000000002"]))
            .Set("admin_role_arn", "arn:aws:iam::123456789012:role/platform-admin")
            .Set("team_role_arns", HclObject.Of(layout.Namespaces.Select(n => (n, Str($"arn:aws:iam::123456789012:role/{n}")))))
            .Set("addon_versions", HclObject.Of(EksTerraform.Addons.Select(a => (a, Str("v1.0.0-eksbuild.1"))))));
        f.Block("run", "cluster_follows_the_production_patterns", r =>
        {
            r.Expr("command", "plan");
            Assert(r, "aws_eks_cluster.this.vpc_config[0].endpoint_private_access && !aws_eks_cluster.this.vpc_config[0].endpoint_public_access",
                "The API server endpoint is private only.");
            Assert(r, "length(aws_eks_cluster.this.encryption_config) == 1 && contains(aws_eks_cluster.this.encryption_config[0].resources, \"secrets\")",
                "Kubernetes secrets are envelope-encrypted with the cluster's KMS key.");
            Assert(r, "aws_kms_key.cluster.enable_key_rotation", "The secrets key rotates.");
            Assert(r, $"length(setintersection(aws_eks_cluster.this.enabled_cluster_log_types, {Inline(Strings(EksTerraform.LogTypes))})) == {EksTerraform.LogTypes.Length}",
                "All five control-plane log types go to CloudWatch.");
            Assert(r, "aws_eks_cluster.this.access_config[0].authentication_mode == \"API\" && !aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions",
                "Access is through access entries only (no aws-auth ConfigMap, no implicit admin for whoever created the cluster).");
            Assert(r, "aws_eks_access_entry.admin.principal_arn == var.admin_role_arn && endswith(aws_eks_access_policy_association.admin.policy_arn, \":cluster-access-policy/AmazonEKSClusterAdminPolicy\")",
                "The platform team's role is cluster admin through an explicit access entry.");
            Assert(r, $"length(aws_eks_access_entry.team) == {layout.Namespaces.Count} && alltrue([for k, a in aws_eks_access_policy_association.team : a.access_scope[0].type == \"namespace\" && a.access_scope[0].namespaces == toset([k]) && endswith(a.policy_arn, \":cluster-access-policy/AmazonEKSEditPolicy\")])",
                "Each team's role edits only its own namespace.");
            Assert(r, $"length(aws_eks_addon.this) == {EksTerraform.Addons.Length} && alltrue([for k, a in aws_eks_addon.this : a.addon_version == var.addon_versions[k]])",
                "Every managed add-on runs the version pinned in addon_versions.");
            Assert(r, "contains(keys(aws_eks_addon.this), \"eks-pod-identity-agent\")", "The Pod Identity agent is installed: every AWS identity in the cluster goes through it.");
            Assert(r, "aws_sqs_queue.karpenter_interruption.sqs_managed_sse_enabled && aws_sqs_queue.karpenter_interruption.message_retention_seconds == 300",
                "Karpenter's interruption queue exists, encrypted, keeping messages five minutes.");
            Assert(r, $"toset(keys(aws_cloudwatch_event_target.karpenter)) == toset({Inline(Strings(InterruptionEvents))})",
                "Spot interruption warnings, rebalance recommendations, instance state changes and health events reach the queue.");
            Assert(r, $"aws_eks_cluster.this.version == \"{spec.Eks.Version}\"", $"The cluster runs Kubernetes {spec.Eks.Version}, as berth.yaml says.");
        });
    });
}
