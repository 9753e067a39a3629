using Berth.Generation.Hcl;
using Berth.Generation.Terraform;
using Berth.Planning;
using Berth.Spec;
using static Berth.Generation.Hcl.HclValue;
using static Berth.Generation.Terraform.TerraformBlocks;

namespace Berth.Generation.Eks;

/// <summary>terraform/: the cluster and everything AWS-side (DOMAIN.md §4, EKS platform).</summary>
public static class EksTerraform
{
    public const string Folder = "terraform";

    internal static readonly string[] LogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    /// <summary>The AWS-managed policies of every node role, the system node group's and Karpenter's nodes' alike.</summary>
    private static readonly string[] NodePolicies = ["AmazonEC2ContainerRegistryPullOnly", "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonSSMManagedInstanceCore"];

    internal static readonly string[] Addons = ["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"];

    public static IReadOnlyList<GeneratedFile> Files(BerthSpec spec, EksLayout layout, KarpenterPlan plan) =>
    [
        new($"{Folder}/versions.tf", Versions(root: true)),
        new($"{Folder}/variables.tf", Variables(spec, layout)),
        new($"{Folder}/cluster.tf", Cluster(spec)),
        new($"{Folder}/access.tf", Access(layout)),
        new($"{Folder}/addons.tf", AddonsFile(plan)),
        new($"{Folder}/system.tf", SystemNodeGroup(plan)),
        new($"{Folder}/workloads.tf", Workloads(spec, layout)),
        new($"{Folder}/controllers.tf", ControllerIdentities.File(spec)),
        new($"{Folder}/karpenter.tf", Karpenter(spec)),
        new($"{Folder}/outputs.tf", Outputs()),
        new($"{Folder}/{EksTerraformTest.TestFile}", EksTerraformTest.File(spec, layout)),
    ];

    private static string Variables(BerthSpec spec, EksLayout layout) => HclWriter.File(f =>
    {
        Variable(f, "region", "string", "AWS region of the cluster.", v => v.Set("default", spec.Region));
        Variable(f, "vpc_id", "string", "VPC of the cluster.");
        Variable(f, "private_subnet_ids", "list(string)", "Private subnets for the control plane's network interfaces and the nodes (tag them karpenter.sh/discovery = " + spec.Name + ").");
        Variable(f, "admin_role_arn", "string", "IAM role given cluster-admin through an access entry (the platform team's role).");
        Variable(f, "team_role_arns", "map(string)", "IAM role of each team, keyed by namespace; each may edit only its own namespace.", v => v
            .Block("validation", c => c
                .Set("condition", Call("alltrue", new HclRaw("[for k in keys(var.team_role_arns) : contains(" + Inline(Strings(layout.Namespaces)) + ", k)]")))
                .Set("error_message", "team_role_arns keys must be team namespaces: " + string.Join(", ", layout.Namespaces) + ".")));
        Variable(f, "addon_versions", "map(string)", "Pinned version of each managed add-on (aws eks describe-addon-versions --kubernetes-version " + spec.Eks.Version + ").", v => v
            .Block("validation", c => c
                .Set("condition", Call("alltrue", new HclRaw("[for a in " + Inline(Strings(Addons)) + " : contains(keys(var.addon_versions), a)]")))
                .Set("error_message", "addon_versions needs a version for each of: " + string.Join(", ", Addons) + ".")));
        Variable(f, "log_retention_days", "number", "Days CloudWatch keeps the control-plane logs.", v => v.Set("default", 90));
    });

    private static string Cluster(BerthSpec spec) => HclWriter.File(f =>
    {
        f.Block("provider", "aws", p => p
            .Expr("region", "var.region")
            .Block("default_tags", t => t.Set("tags", HclObject.Of(("managed-by", Str("terraform")), ("platform", Str(spec.Name))))));
        CurrentAccount(f);
        f.Block("locals", l => l
            .Set("name", spec.Name)
            .Expr("partition", "data.aws_partition.current.partition")
            .Expr("account_id", "data.aws_caller_identity.current.account_id"));
        LogEncryptionKey.Write(f, "cluster", Str(spec.Name + ": EKS secrets envelope encryption and control-plane logs"), "\"alias/${local.name}-eks\"", tags: null);
        LogEncryptionKey.LogGroup(f, "cluster", "\"/aws/eks/${local.name}/cluster\"", "cluster",
            comment: "EKS writes control-plane logs here; created first so retention and encryption apply.");
        IamRoles.TrustPolicy(f, "eks", "eks.amazonaws.com", ["sts:AssumeRole", "sts:TagSession"]);
        IamRoles.Role(f, "cluster", Expr("\"${local.name}-eks-cluster\""), "eks");
        IamRoles.Attach(f, "cluster", "aws_iam_role.cluster.name", "\"arn:${local.partition}:iam::aws:policy/AmazonEKSClusterPolicy\"");
        f.Block("resource", "aws_eks_cluster", "this", c => c
            .Expr("name", "local.name")
            .Set("version", spec.Eks.Version)
            .Expr("role_arn", "aws_iam_role.cluster.arn")
            .Set("enabled_cluster_log_types", Strings(LogTypes))
            .Block("vpc_config", v => v
                .Expr("subnet_ids", "var.private_subnet_ids")
                .Set("endpoint_private_access", true)
                .Set("endpoint_public_access", false))
            .Block("encryption_config", e => e
                .Set("resources", Strings(["secrets"]))
                .Block("provider", p => p.Expr("key_arn", "aws_kms_key.cluster.arn")))
            .Block("access_config", a => a
                .Set("authentication_mode", "API")
                .Set("bootstrap_cluster_creator_admin_permissions", false))
            .Block("upgrade_policy", u => u.Set("support_type", spec.Eks.SupportTier == SupportTier.Extended ? "EXTENDED" : "STANDARD"))
            .Expr("tags", "{ \"karpenter.sh/discovery\" = local.name }")
            .Expr("depends_on", "[aws_cloudwatch_log_group.cluster, aws_iam_role_policy_attachment.cluster]"));
    });

    private static string Access(EksLayout layout) => HclWriter.File(f =>
    {
        f.Block("resource", "aws_eks_access_entry", "admin", e => e
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("principal_arn", "var.admin_role_arn"));
        f.Block("resource", "aws_eks_access_policy_association", "admin", a => a
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("principal_arn", "aws_eks_access_entry.admin.principal_arn")
            .Expr("policy_arn", "\"arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy\"")
            .Block("access_scope", s => s.Set("type", "cluster")));
        f.Comment("Each team edits only its own namespace: " + string.Join(", ", layout.Namespaces) + ".");
        f.Block("resource", "aws_eks_access_entry", "team", e => e
            .Expr("for_each", "var.team_role_arns")
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("principal_arn", "each.value"));
        f.Block("resource", "aws_eks_access_policy_association", "team", a => a
            .Expr("for_each", "var.team_role_arns")
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("principal_arn", "aws_eks_access_entry.team[each.key].principal_arn")
            .Expr("policy_arn", "\"arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSEditPolicy\"")
            .Block("access_scope", s => s.Set("type", "namespace").Expr("namespaces", "[each.key]")));
    });

    /// <summary>The controllers' placement on the system node group: its label, and a toleration of its taint (the same
    /// keys in the coredns and aws-ebs-csi-driver add-on schemas and in the bootstrap/ charts' values).</summary>
    internal static (string Key, HclValue Value)[] SystemPlacement(KarpenterPlan plan) =>
    [
        ("nodeSelector", HclObject.Of(plan.System.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, Str(kv.Value))))),
        ("tolerations", List(plan.System.Taints.Select(t => (HclValue)HclObject.Of(("key", Str(t.Key)), ("operator", Str("Exists")), ("effect", Str(t.Effect)))))),
    ];

    private static string AddonsFile(KarpenterPlan plan) => HclWriter.File(f =>
    {
        var coredns = plan.System.Controllers.First(c => c.Name == "coredns");
        f.Comment("CoreDNS and the EBS CSI controller run on the system node group (system.tf) with the requests berth cost prices;");
        f.Comment("prefix delegation gives many more pod IPs per node (Karpenter's max-pods assumes it off; see DOMAIN.md §3).");
        f.Block("locals", l => l.Set("addon_configuration", HclObject.Of(
            ("vpc-cni", HclObject.Of(("env", HclObject.Of(("ENABLE_PREFIX_DELEGATION", Str("true")), ("WARM_PREFIX_TARGET", Str("1")))))),
            ("coredns", HclObject.Of([
                ("replicaCount", Num(coredns.Replicas)),
                ("resources", HclObject.Of(("requests", HclObject.Of(("cpu", Str(K8sManifests.Quantity(coredns.Cpu))), ("memory", Str(K8sManifests.Quantity(coredns.Memory))))))),
                .. SystemPlacement(plan)])),
            ("aws-ebs-csi-driver", HclObject.Of(("controller", HclObject.Of(SystemPlacement(plan))))))));
        f.Block("resource", "aws_eks_addon", "this", a => a
            .Set("for_each", Call("toset", Strings(Addons)))
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("addon_name", "each.key")
            .Expr("addon_version", "var.addon_versions[each.key]")
            .Set("resolve_conflicts_on_create", "OVERWRITE")
            .Set("resolve_conflicts_on_update", "PRESERVE")
            .Expr("configuration_values", "contains(keys(local.addon_configuration), each.key) ? jsonencode(local.addon_configuration[each.key]) : null")
            .Dynamic("pod_identity_association", "each.key == \"aws-ebs-csi-driver\" ? [1] : []", p => p
                .Expr("role_arn", "aws_iam_role.ebs_csi.arn")
                .Set("service_account", "ebs-csi-controller-sa")));
        IamRoles.TrustPolicy(f, "pod_identity", "pods.eks.amazonaws.com", ["sts:AssumeRole", "sts:TagSession"]);
        IamRoles.Role(f, "ebs_csi", Expr("\"${local.name}-ebs-csi\""), "pod_identity");
        IamRoles.Attach(f, "ebs_csi", "aws_iam_role.ebs_csi.name", "\"arn:${local.partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy\"");
    });

    /// <summary>
    /// The cluster's own capacity: a small on-demand managed node group, labelled and tainted CriticalAddonsOnly, for
    /// Karpenter, CoreDNS, the load balancer controller, ArgoCD and KEDA (Karpenter's getting-started runs its controller
    /// on a managed node group or a Fargate profile; docs/generate.md says why this one).
    /// </summary>
    private static string SystemNodeGroup(KarpenterPlan plan) => HclWriter.File(f =>
    {
        var g = plan.System;
        IamRoles.Role(f, "system_node", Expr("\"${local.name}-system-node\""), "ec2");
        IamRoles.Attach(f, "system_node", "aws_iam_role.system_node.name", "\"arn:${local.partition}:iam::aws:policy/${each.key}\"", Call("toset", Strings(NodePolicies)));
        f.Block("resource", "aws_eks_node_group", "system", n =>
        {
            n.Expr("cluster_name", "aws_eks_cluster.this.name")
                .Set("node_group_name", g.Name)
                .Expr("node_role_arn", "aws_iam_role.system_node.arn")
                .Expr("subnet_ids", "var.private_subnet_ids")
                .Set("instance_types", Strings([g.Type.Name]))
                .Set("capacity_type", "ON_DEMAND")
                .Set("ami_type", g.Type.Arch == CpuArch.Arm64 ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD")
                .Set("disk_size", SystemNodeGroupPlan.DiskGiB)
                .Block("scaling_config", s => s.Set("desired_size", g.Count).Set("min_size", g.Count).Set("max_size", g.Count + 1))
                .Block("update_config", u => u.Set("max_unavailable", 1))
                .Set("labels", HclObject.Of(g.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, Str(kv.Value)))));
            foreach (var t in g.Taints)
            {
                n.Block("taint", x => x.Set("key", t.Key).Set("value", t.Value).Set("effect", "NO_SCHEDULE"));
            }

            n.Expr("depends_on", "[aws_iam_role_policy_attachment.system_node]");
        });
    });

    private static string Workloads(BerthSpec spec, EksLayout layout) => HclWriter.File(f =>
    {
        var needs = spec.Services.Where(EksLayout.NeedsAws).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        f.Comment("Pod Identity (not IRSA) for each service that calls AWS: its own role, scoped to what it names.");
        f.Block("locals", l => l.Set("workloads", HclObject.Of(needs.Select(s => (s.Name, (HclValue)HclObject.Of(
            ("namespace", Str(layout.NamespaceOf[s.Name])),
            ("secrets", Strings(s.Secrets.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))),
            ("queues", Strings(s.EventSource is { Type: EventSourceType.Sqs } e ? new[] { e.Name } : Array.Empty<string>()))))))));
        IamRoles.Role(f, "workload", Expr("\"${local.name}-${each.key}\""), "pod_identity", Expr("local.workloads"));
        f.Block("data", "aws_iam_policy_document", "workload", d => d
            .Expr("for_each", "local.workloads")
            .Dynamic("statement", "length(each.value.secrets) > 0 ? [1] : []", s => s
                .Set("sid", "ReadOwnSecrets")
                .Set("actions", Strings(["secretsmanager:GetSecretValue"]))
                .Expr("resources", "[for n in each.value.secrets : \"arn:${local.partition}:secretsmanager:${var.region}:${local.account_id}:secret:${n}-*\"]"))
            .Dynamic("statement", "length(each.value.queues) > 0 ? [1] : []", s => s
                .Set("sid", "ConsumeOwnQueues")
                .Set("actions", Strings(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"]))
                .Expr("resources", "[for q in each.value.queues : \"arn:${local.partition}:sqs:${var.region}:${local.account_id}:${q}\"]")));
        IamRoles.InlinePolicy(f, "workload", "own-resources", "aws_iam_role.workload[each.key].id", "data.aws_iam_policy_document.workload[each.key].json", Expr("local.workloads"));
        f.Block("resource", "aws_eks_pod_identity_association", "workload", a => a
            .Expr("for_each", "local.workloads")
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("namespace", "each.value.namespace")
            .Expr("service_account", "each.key")
            .Expr("role_arn", "aws_iam_role.workload[each.key].arn"));
    });

    private static string Karpenter(BerthSpec spec) => HclWriter.File(f =>
    {
        IamRoles.TrustPolicy(f, "ec2", "ec2.amazonaws.com", ["sts:AssumeRole"]);
        IamRoles.Role(f, "karpenter_node", Str(KarpenterManifests.NodeRoleName(spec)), "ec2");
        IamRoles.Attach(f, "karpenter_node", "aws_iam_role.karpenter_node.name", "\"arn:${local.partition}:iam::aws:policy/${each.key}\"", Call("toset", Strings(NodePolicies)));
        f.Block("resource", "aws_eks_access_entry", "karpenter_node", e => e
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Expr("principal_arn", "aws_iam_role.karpenter_node.arn")
            .Set("type", "EC2_LINUX"));
        IamRoles.Role(f, "karpenter_controller", Expr("\"${local.name}-karpenter-controller\""), "pod_identity");
        f.Block("data", "aws_iam_policy_document", "karpenter_controller", d => d
            .Block("statement", s => s
                .Set("sid", "Provision")
                .Set("actions", Strings(["ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:CreateTags", "ec2:DeleteLaunchTemplate", "ec2:RunInstances", "ec2:TerminateInstances"]))
                .Set("resources", Strings(["*"]))
                .Block("condition", c => c.Set("test", "StringEquals").Set("variable", "aws:RequestedRegion").Expr("values", "[var.region]")))
            .Block("statement", s => s
                .Set("sid", "Discover")
                .Set("actions", Strings(["ec2:DescribeAvailabilityZones", "ec2:DescribeImages", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes", "ec2:DescribeInstances", "ec2:DescribeLaunchTemplates", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets", "pricing:GetProducts", "ssm:GetParameter"]))
                .Set("resources", Strings(["*"])))
            .Block("statement", s => s
                .Set("sid", "PassNodeRole")
                .Set("actions", Strings(["iam:PassRole"]))
                .Expr("resources", "[aws_iam_role.karpenter_node.arn]"))
            .Block("statement", s => s
                .Set("sid", "InstanceProfiles")
                .Set("actions", Strings(["iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:DeleteInstanceProfile", "iam:GetInstanceProfile", "iam:ListInstanceProfiles", "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile"]))
                .Set("resources", Strings(["*"])))
            .Block("statement", s => s
                .Set("sid", "Cluster")
                .Set("actions", Strings(["eks:DescribeCluster"]))
                .Expr("resources", "[aws_eks_cluster.this.arn]"))
            .Block("statement", s => s
                .Set("sid", "Interruptions")
                .Set("actions", Strings(["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"]))
                .Expr("resources", "[aws_sqs_queue.karpenter_interruption.arn]")));
        IamRoles.InlinePolicy(f, "karpenter_controller", "karpenter", "aws_iam_role.karpenter_controller.id", "data.aws_iam_policy_document.karpenter_controller.json");
        f.Block("resource", "aws_eks_pod_identity_association", "karpenter", a => a
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Set("namespace", "kube-system")
            .Set("service_account", "karpenter")
            .Expr("role_arn", "aws_iam_role.karpenter_controller.arn"));
        f.Comment("Spot interruption warnings, rebalance recommendations and instance changes reach Karpenter through SQS.");
        f.Block("resource", "aws_sqs_queue", "karpenter_interruption", q => q
            .Expr("name", "\"${local.name}-karpenter-interruption\"")
            .Set("message_retention_seconds", 300)
            .Set("sqs_managed_sse_enabled", true));
        f.Block("data", "aws_iam_policy_document", "karpenter_interruption", d => d.Block("statement", s => s
            .Set("actions", Strings(["sqs:SendMessage"]))
            .Expr("resources", "[aws_sqs_queue.karpenter_interruption.arn]")
            .Block("principals", p => p.Set("type", "Service").Set("identifiers", Strings(["events.amazonaws.com", "sqs.amazonaws.com"])))));
        f.Block("resource", "aws_sqs_queue_policy", "karpenter_interruption", p => p
            .Expr("queue_url", "aws_sqs_queue.karpenter_interruption.url")
            .Expr("policy", "data.aws_iam_policy_document.karpenter_interruption.json"));
        f.Block("locals", l => l.Set("interruption_events", HclObject.Of(
            ("health", Expr("{ source = [\"aws.health\"], detail-type = [\"AWS Health Event\"] }")),
            ("instance_state", Expr("{ source = [\"aws.ec2\"], detail-type = [\"EC2 Instance State-change Notification\"] }")),
            ("rebalance", Expr("{ source = [\"aws.ec2\"], detail-type = [\"EC2 Instance Rebalance Recommendation\"] }")),
            ("spot_interruption", Expr("{ source = [\"aws.ec2\"], detail-type = [\"EC2 Spot Instance Interruption Warning\"] }")))));
        f.Block("resource", "aws_cloudwatch_event_rule", "karpenter", r => r
            .Expr("for_each", "local.interruption_events")
            .Expr("name", "\"${local.name}-karpenter-${each.key}\"")
            .Expr("event_pattern", "jsonencode(each.value)"));
        f.Block("resource", "aws_cloudwatch_event_target", "karpenter", t => t
            .Expr("for_each", "local.interruption_events")
            .Expr("rule", "aws_cloudwatch_event_rule.karpenter[each.key].name")
            .Set("target_id", "karpenter-interruption-queue")
            .Expr("arn", "aws_sqs_queue.karpenter_interruption.arn"));
    });

    private static string Outputs() => HclWriter.File(f =>
    {
        Output(f, "cluster_name", "aws_eks_cluster.this.name", "The EKS cluster (bootstrap/ reads it).");
        Output(f, "cluster_endpoint", "aws_eks_cluster.this.endpoint", "Private API endpoint: reachable from inside the VPC only.");
        Output(f, "karpenter_interruption_queue", "aws_sqs_queue.karpenter_interruption.name", "Karpenter's settings.interruptionQueue.");
        Output(f, "karpenter_node_role", "aws_iam_role.karpenter_node.name", "The role EC2NodeClass spec.role names.");
        Output(f, "load_balancer_controller_role", "aws_iam_role.load_balancer_controller.arn", "Role of kube-system/aws-load-balancer-controller (Pod Identity).");
    });
}
