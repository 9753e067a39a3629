provider "aws" {
  region = var.region
}

data "aws_eks_cluster" "this" {
  name = var.cluster_name
}

data "aws_eks_cluster_auth" "this" {
  name = var.cluster_name
}

# The API endpoint is private: run this from inside the VPC (a bastion, VPN or CI runner there).
provider "helm" {
  kubernetes {
    host                   = data.aws_eks_cluster.this.endpoint
    cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
    token                  = data.aws_eks_cluster_auth.this.token
  }
}

resource "helm_release" "karpenter" {
  name             = "karpenter"
  repository       = "oci://public.ecr.aws/karpenter"
  chart            = "karpenter"
  version          = var.karpenter_chart_version
  namespace        = "kube-system"
  create_namespace = false
  atomic           = true
  values = [
    yamlencode({
      replicas = 2
      settings = {
        clusterName       = var.cluster_name
        interruptionQueue = var.karpenter_interruption_queue
      }
      controller = {
        resources = {
          requests = {
            cpu    = "500m"
            memory = "1Gi"
          }
          limits = {
            cpu    = "1"
            memory = "1Gi"
          }
        }
      }
    }),
  ]
}

resource "helm_release" "aws_load_balancer_controller" {
  name             = "aws-load-balancer-controller"
  repository       = "https://aws.github.io/eks-charts"
  chart            = "aws-load-balancer-controller"
  version          = var.load_balancer_controller_chart_version
  namespace        = "kube-system"
  create_namespace = false
  atomic           = true
  values = [
    yamlencode({
      clusterName  = var.cluster_name
      region       = var.region
      vpcId        = var.vpc_id
      replicaCount = 2
      serviceAccount = {
        create = true
        name   = "aws-load-balancer-controller"
      }
    }),
  ]
}

resource "helm_release" "argocd" {
  name             = "argo-cd"
  repository       = "https://argoproj.github.io/argo-helm"
  chart            = "argo-cd"
  version          = var.argocd_chart_version
  namespace        = "argocd"
  create_namespace = true
  atomic           = true
  values = [
    yamlencode({
      "redis-ha" = {
        enabled = true
      }
      controller = {
        replicas = 1
      }
      server = {
        replicas = 2
      }
      repoServer = {
        replicas = 2
      }
      applicationSet = {
        replicas = 2
      }
      configs = {
        cm = {
          "admin.enabled" = false
          "oidc.config"   = var.argocd_oidc_config
        }
      }
    }),
  ]
}
