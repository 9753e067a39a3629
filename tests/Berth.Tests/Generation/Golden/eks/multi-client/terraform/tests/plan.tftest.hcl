# A plan against a mocked AWS provider: no credentials needed. Run: terraform init && terraform test
# Mocked data sources return values the provider's own validation accepts (a policy must be JSON).
mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }
}

variables {
  vpc_id             = "vpc-0123456789abcdef0"
  private_subnet_ids = ["subnet-0a000000000000001", "subnet-0a000000000000002"]
  admin_role_arn     = "arn:aws:iam::123456789012:role/platform-admin"
  team_role_arns = {
    "claims-portal" = "arn:aws:iam::123456789012:role/claims-portal"
  }
  addon_versions = {
    "aws-ebs-csi-driver"     = "v1.0.0-eksbuild.1"
    coredns                  = "v1.0.0-eksbuild.1"
    "eks-pod-identity-agent" = "v1.0.0-eksbuild.1"
    "kube-proxy"             = "v1.0.0-eksbuild.1"
    "vpc-cni"                = "v1.0.0-eksbuild.1"
  }
}

run "cluster_follows_the_production_patterns" {
  command = plan

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_private_access && !aws_eks_cluster.this.vpc_config[0].endpoint_public_access
    error_message = "The API server endpoint is private only."
  }

  assert {
    condition     = length(aws_eks_cluster.this.encryption_config) == 1 && contains(aws_eks_cluster.this.encryption_config[0].resources, "secrets")
    error_message = "Kubernetes secrets are envelope-encrypted with the cluster's KMS key."
  }

  assert {
    condition     = aws_kms_key.cluster.enable_key_rotation
    error_message = "The secrets key rotates."
  }

  assert {
    condition     = length(setintersection(aws_eks_cluster.this.enabled_cluster_log_types, ["api", "audit", "authenticator", "controllerManager", "scheduler"])) == 5
    error_message = "All five control-plane log types go to CloudWatch."
  }

  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API" && !aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions
    error_message = "Access is through access entries only (no aws-auth ConfigMap, no implicit admin for whoever created the cluster)."
  }

  assert {
    condition     = aws_eks_access_entry.admin.principal_arn == var.admin_role_arn && endswith(aws_eks_access_policy_association.admin.policy_arn, ":cluster-access-policy/AmazonEKSClusterAdminPolicy")
    error_message = "The platform team's role is cluster admin through an explicit access entry."
  }

  assert {
    condition     = length(aws_eks_access_entry.team) == 1 && alltrue([for k, a in aws_eks_access_policy_association.team : a.access_scope[0].type == "namespace" && a.access_scope[0].namespaces == toset([k]) && endswith(a.policy_arn, ":cluster-access-policy/AmazonEKSEditPolicy")])
    error_message = "Each team's role edits only its own namespace."
  }

  assert {
    condition     = length(aws_eks_addon.this) == 5 && alltrue([for k, a in aws_eks_addon.this : a.addon_version == var.addon_versions[k]])
    error_message = "Every managed add-on runs the version pinned in addon_versions."
  }

  assert {
    condition     = contains(keys(aws_eks_addon.this), "eks-pod-identity-agent")
    error_message = "The Pod Identity agent is installed: every AWS identity in the cluster goes through it."
  }

  assert {
    condition     = aws_sqs_queue.karpenter_interruption.sqs_managed_sse_enabled && aws_sqs_queue.karpenter_interruption.message_retention_seconds == 300
    error_message = "Karpenter's interruption queue exists, encrypted, keeping messages five minutes."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_event_target.karpenter)) == toset(["health", "instance_state", "rebalance", "spot_interruption"])
    error_message = "Spot interruption warnings, rebalance recommendations, instance state changes and health events reach the queue."
  }

  assert {
    condition     = aws_eks_cluster.this.version == "1.35"
    error_message = "The cluster runs Kubernetes 1.35, as berth.yaml says."
  }
}
