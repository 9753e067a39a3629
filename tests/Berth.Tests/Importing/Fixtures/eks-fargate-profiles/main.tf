# A small EKS cluster whose pods all run on Fargate: one profile per namespace, no node groups, no Karpenter.
provider "aws" {
  region = "us-west-2"
}

variable "cluster_name" {
  type    = string
  default = "reports"
}

resource "aws_eks_cluster" "this" {
  name     = var.cluster_name
  version  = "1.34"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
}

resource "aws_eks_fargate_profile" "apps" {
  cluster_name           = aws_eks_cluster.this.name
  fargate_profile_name   = "apps"
  pod_execution_role_arn = "arn:aws:iam::111122223333:role/eks-fargate-pods"
  subnet_ids             = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  selector {
    namespace = "reports"
  }
}

resource "aws_eks_fargate_profile" "system" {
  cluster_name           = aws_eks_cluster.this.name
  fargate_profile_name   = "kube-system"
  pod_execution_role_arn = "arn:aws:iam::111122223333:role/eks-fargate-pods"
  subnet_ids             = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  selector {
    namespace = "kube-system"
  }
}
