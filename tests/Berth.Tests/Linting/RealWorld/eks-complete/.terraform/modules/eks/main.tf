resource "aws_eks_cluster" "this" {
  count = var.create ? 1 : 0

  name                      = var.cluster_name
  version                   = var.cluster_version
  role_arn                  = "arn:aws:iam::111122223333:role/platform-cluster"
  enabled_cluster_log_types = var.cluster_enabled_log_types

  access_config {
    authentication_mode                         = "API_AND_CONFIG_MAP"
    bootstrap_cluster_creator_admin_permissions = false
  }

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = var.cluster_endpoint_public_access
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/platform"
    }
  }
}

resource "aws_eks_addon" "this" {
  for_each = { for k, v in var.cluster_addons : k => v if var.create }

  cluster_name  = aws_eks_cluster.this[0].name
  addon_name    = try(each.value.name, each.key)
  addon_version = each.value.most_recent ? null : each.value.addon_version
}

module "eks_managed_node_group" {
  source   = "./modules/eks-managed-node-group"
  for_each = { for k, v in var.eks_managed_node_groups : k => v if var.create }

  cluster_name   = aws_eks_cluster.this[0].name
  name           = try(each.value.name, each.key)
  ami_type       = try(each.value.ami_type, "AL2023_x86_64_STANDARD")
  instance_types = try(each.value.instance_types, ["m6i.large"])
  subnet_ids     = var.subnet_ids
}

output "cluster_name" {
  value = try(aws_eks_cluster.this[0].name, var.cluster_name)
}
