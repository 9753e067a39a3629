variable "cluster_name" {
  type    = string
  default = "fraud"
}

variable "kubernetes_version" {
  type    = string
  default = "1.35"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-a", "subnet-b", "subnet-c"]
}

locals {
  addons = {
    vpc-cni                = "v1.19.5-eksbuild.1"
    coredns                = "v1.11.4-eksbuild.2"
    kube-proxy             = "v1.33.0-eksbuild.2"
    aws-ebs-csi-driver     = "v1.44.0-eksbuild.1"
    eks-pod-identity-agent = "v1.3.7-eksbuild.2"
  }
  log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}

resource "aws_kms_key" "eks" {
  description         = "EKS secrets for ${var.cluster_name}"
  enable_key_rotation = true
}

resource "aws_iam_role" "cluster" {
  name = "${var.cluster_name}-cluster"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Principal = { Service = "eks.amazonaws.com" }
    }]
  })
}

resource "aws_eks_cluster" "this" {
  name                      = var.cluster_name
  version                   = var.kubernetes_version
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = local.log_types

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

resource "aws_eks_addon" "this" {
  for_each = local.addons

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value
  resolve_conflicts_on_update = "OVERWRITE"
}

resource "aws_eks_node_group" "system" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "system"
  node_role_arn   = aws_iam_role.cluster.arn
  subnet_ids      = var.subnet_ids
  instance_types  = ["m7g.large"]
  capacity_type   = "ON_DEMAND"

  scaling_config {
    desired_size = 2
    min_size     = 2
    max_size     = 3
  }

  labels = { role = "system" }
  taint {
    key    = "CriticalAddonsOnly"
    value  = "true"
    effect = "NO_SCHEDULE"
  }
}

resource "aws_eks_access_entry" "developers" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = "arn:aws:iam::123456789012:role/developers"
}

resource "aws_eks_access_policy_association" "developers" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.developers.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"

  access_scope {
    type       = "namespace"
    namespaces = ["payments", "fraud"]
  }
}

resource "aws_eks_pod_identity_association" "scoring" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = "fraud"
  service_account = "scoring"
  role_arn        = aws_iam_role.cluster.arn
}
