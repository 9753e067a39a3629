# A root as terraform-aws-modules/eks callers write it, after `terraform init`.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.16"

  name = "platform"
  cidr = "10.0.0.0/16"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name                   = "platform"
  cluster_version                = "1.33"
  cluster_endpoint_public_access = true
  subnet_ids                     = ["subnet-0a", "subnet-0b"]

  cluster_addons = {
    coredns                = {}
    eks-pod-identity-agent = {}
    vpc-cni                = { most_recent = true }
  }

  eks_managed_node_groups = {
    default = {
      ami_type       = "AL2_x86_64"
      instance_types = ["m6i.large"]
    }
  }
}

resource "aws_eks_pod_identity_association" "app" {
  cluster_name    = module.eks.cluster_name
  namespace       = "shop"
  service_account = "checkout"
  role_arn        = "arn:aws:iam::111122223333:role/checkout"
}

# Karpenter installed from its OCI chart, as the EKS module's karpenter example does: the values are the chart's
# inputs, not Kubernetes objects, so the release is named in a warning rather than passed over.
resource "helm_release" "karpenter" {
  namespace  = "kube-system"
  name       = "karpenter"
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter"
  version    = "1.1.1"
  wait       = false

  values = [
    <<-EOT
    settings:
      clusterName: ${module.eks.cluster_name}
      interruptionQueue: platform-karpenter
    EOT
  ]
}
