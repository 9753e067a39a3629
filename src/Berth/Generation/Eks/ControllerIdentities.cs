using Berth.Generation.Hcl;
using Berth.Generation.Terraform;
using Berth.Spec;
using static Berth.Generation.Hcl.HclValue;

namespace Berth.Generation.Eks;

/// <summary>
/// terraform/controllers.tf: the AWS identities of the in-cluster controllers bootstrap/ installs, each bound with a
/// Pod Identity association to the service account its Helm chart creates: the AWS Load Balancer Controller
/// (kube-system/aws-load-balancer-controller) and, when a service scales on an SQS queue, the KEDA operator
/// (keda/keda-operator), which reads the queue depth itself (TriggerAuthentication podIdentity provider aws).
/// </summary>
public static class ControllerIdentities
{
    public const string LoadBalancerControllerNamespace = "kube-system";
    public const string LoadBalancerControllerServiceAccount = "aws-load-balancer-controller";
    public const string KedaNamespace = "keda";
    public const string KedaServiceAccount = "keda-operator";

    /// <summary>The Load Balancer Controller's IAM policy, statement by statement, from the controller's
    /// docs/install/iam_policy.json for v2.13 (kubernetes-sigs/aws-load-balancer-controller; the chart bootstrap/
    /// installs, 1.13.x, ships v2.13). Unchanged except: a Sid per statement, and <c>arn:aws:</c> written as
    /// <c>arn:${partition}:</c> (the file's us-gov and cn variants differ only in that).</summary>
    public static IReadOnlyList<PolicyStatement> LoadBalancerControllerPolicy { get; } =
    [
        new("CreateElbServiceLinkedRole", ["iam:CreateServiceLinkedRole"], ["*"],
            [new("StringEquals", "iam:AWSServiceName", ["elasticloadbalancing.amazonaws.com"])]),
        new("Describe",
            [
                "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways",
                "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
                "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage",
                "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools",
                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
                "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules",
                "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes",
                "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags",
                "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes",
                "elasticloadbalancing:DescribeCapacityReservation",
            ],
            ["*"], []),
        new("CertificatesWafShield",
            [
                "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates",
                "iam:GetServerCertificate", "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL",
                "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL",
                "wafv2:DisassociateWebACL", "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection",
                "shield:DeleteProtection",
            ],
            ["*"], []),
        new("SecurityGroupIngress", ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], ["*"], []),
        new("CreateSecurityGroup", ["ec2:CreateSecurityGroup"], ["*"], []),
        new("TagNewSecurityGroup", ["ec2:CreateTags"], ["arn:aws:ec2:*:*:security-group/*"],
            [new("StringEquals", "ec2:CreateAction", ["CreateSecurityGroup"]), new("Null", "aws:RequestTag/elbv2.k8s.aws/cluster", ["false"])]),
        new("TagOwnSecurityGroups", ["ec2:CreateTags", "ec2:DeleteTags"], ["arn:aws:ec2:*:*:security-group/*"],
            [new("Null", "aws:RequestTag/elbv2.k8s.aws/cluster", ["true"]), new("Null", "aws:ResourceTag/elbv2.k8s.aws/cluster", ["false"])]),
        new("ManageOwnSecurityGroups", ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"], ["*"],
            [new("Null", "aws:ResourceTag/elbv2.k8s.aws/cluster", ["false"])]),
        new("CreateTaggedLoadBalancers", ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"], ["*"],
            [new("Null", "aws:RequestTag/elbv2.k8s.aws/cluster", ["false"])]),
        new("ListenersAndRules",
            ["elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"],
            ["*"], []),
        new("TagOwnLoadBalancers", ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], LoadBalancerArns,
            [new("Null", "aws:RequestTag/elbv2.k8s.aws/cluster", ["true"]), new("Null", "aws:ResourceTag/elbv2.k8s.aws/cluster", ["false"])]),
        new("TagListenersAndRules", ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
            [
                "arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
                "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*",
            ],
            []),
        new("ModifyOwnLoadBalancers",
            [
                "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
                "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
                "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup",
                "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation",
                "elasticloadbalancing:ModifyIpPools",
            ],
            ["*"], [new("Null", "aws:ResourceTag/elbv2.k8s.aws/cluster", ["false"])]),
        new("TagOnCreate", ["elasticloadbalancing:AddTags"], LoadBalancerArns,
            [
                new("StringEquals", "elasticloadbalancing:CreateAction", ["CreateTargetGroup", "CreateLoadBalancer"]),
                new("Null", "aws:RequestTag/elbv2.k8s.aws/cluster", ["false"]),
            ]),
        new("RegisterTargets", ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
            ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"], []),
        new("ListenerSettings",
            [
                "elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:AddListenerCertificates",
                "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities",
            ],
            ["*"], []),
    ];

    private static string[] LoadBalancerArns =>
    [
        "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
        "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
        "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*",
    ];

    /// <summary>The SQS queues KEDA reads the depth of: every queue a service scales on, by the name the spec gives.</summary>
    public static IReadOnlyList<string> KedaQueues(BerthSpec spec) => spec.Services
        .Select(s => s.EventSource)
        .Where(e => e?.Type == EventSourceType.Sqs)
        .Select(e => e!.Name)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>KEDA runs when any service scales on an event source (SQS or Kafka).</summary>
    public static bool NeedsKeda(BerthSpec spec) => spec.Services.Any(s => s.EventSource is not null);

    public static string File(BerthSpec spec) => HclWriter.File(f =>
    {
        f.Comment("AWS Load Balancer Controller: its own role, bound to the service account of the bootstrap/ Helm release.");
        IamRoles.Role(f, "load_balancer_controller", Expr("\"${local.name}-aws-load-balancer-controller\""), "pod_identity");
        f.Comment("The controller's policy as published in docs/install/iam_policy.json of kubernetes-sigs/aws-load-balancer-controller");
        f.Comment("v2.13 (Helm chart 1.13.x); resource ARNs follow the partition.");
        f.Block("data", "aws_iam_policy_document", "load_balancer_controller", d =>
        {
            foreach (var statement in LoadBalancerControllerPolicy)
            {
                d.Block("statement", s => Statement(s, statement));
            }
        });
        f.Block("resource", "aws_iam_policy", "load_balancer_controller", p => p
            .Expr("name", "\"${local.name}-AWSLoadBalancerControllerIAMPolicy\"")
            .Set("description", "AWS Load Balancer Controller v2.13 (docs/install/iam_policy.json)")
            .Expr("policy", "data.aws_iam_policy_document.load_balancer_controller.json"));
        IamRoles.Attach(f, "load_balancer_controller", "aws_iam_role.load_balancer_controller.name", "aws_iam_policy.load_balancer_controller.arn");
        f.Block("resource", "aws_eks_pod_identity_association", "load_balancer_controller", a => a
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Set("namespace", LoadBalancerControllerNamespace)
            .Set("service_account", LoadBalancerControllerServiceAccount)
            .Expr("role_arn", "aws_iam_role.load_balancer_controller.arn"));

        var queues = KedaQueues(spec);
        if (queues.Count == 0)
        {
            return;
        }

        f.Comment("KEDA's operator reads the depth of the queues services scale on (TriggerAuthentication: podIdentity provider aws,");
        f.Comment("identity owner keda), with its own role: only GetQueueAttributes, only on those queues.");
        f.Block("locals", l => l.Set("keda_queues", Strings(queues)));
        IamRoles.Role(f, "keda_operator", Expr("\"${local.name}-keda-operator\""), "pod_identity");
        f.Block("data", "aws_iam_policy_document", "keda_operator", d => d.Block("statement", s => s
            .Set("sid", "ReadQueueDepth")
            .Set("actions", Strings(["sqs:GetQueueAttributes"]))
            .Expr("resources", "[for q in local.keda_queues : \"arn:${local.partition}:sqs:${var.region}:${local.account_id}:${q}\"]")));
        IamRoles.InlinePolicy(f, "keda_operator", "queue-depth", "aws_iam_role.keda_operator.id", "data.aws_iam_policy_document.keda_operator.json");
        f.Block("resource", "aws_eks_pod_identity_association", "keda_operator", a => a
            .Expr("cluster_name", "aws_eks_cluster.this.name")
            .Set("namespace", KedaNamespace)
            .Set("service_account", KedaServiceAccount)
            .Expr("role_arn", "aws_iam_role.keda_operator.arn"));
    });

    private static void Statement(HclBody s, PolicyStatement statement)
    {
        s.Set("sid", statement.Sid).Set("actions", Strings(statement.Actions));
        if (statement.Resources.Any(r => r.StartsWith("arn:aws:", StringComparison.Ordinal)))
        {
            s.Set("resources", List(statement.Resources.Select(r => Expr("\"arn:${local.partition}:" + r["arn:aws:".Length..] + "\""))));
        }
        else
        {
            s.Set("resources", Strings(statement.Resources));
        }

        foreach (var c in statement.Conditions)
        {
            s.Block("condition", b => b.Set("test", c.Test).Set("variable", c.Variable).Set("values", Strings(c.Values)));
        }
    }
}

/// <summary>One IAM policy statement (Allow).</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, IReadOnlyList<PolicyCondition> Conditions);

/// <summary>One condition of a statement: operator, key and the values.</summary>
public sealed record PolicyCondition(string Test, string Variable, IReadOnlyList<string> Values);
