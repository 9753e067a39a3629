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

# Every controller runs on terraform/'s system node group (label berth.dev/system, taint CriticalAddonsOnly), with the
# requests berth cost prices it at: Karpenter cannot launch the node it runs on.
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
            memory = "2Gi"
          }
        }
      }
      nodeSelector = {
        "berth.dev/system" = "true"
      }
      tolerations = [
        {
          key      = "CriticalAddonsOnly"
          operator = "Exists"
          effect   = "NoSchedule"
        },
      ]
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
      resources = {
        requests = {
          cpu    = "100m"
          memory = "128Mi"
        }
        limits = {
          memory = "256Mi"
        }
      }
      serviceAccount = {
        create = true
        name   = "aws-load-balancer-controller"
      }
      nodeSelector = {
        "berth.dev/system" = "true"
      }
      tolerations = [
        {
          key      = "CriticalAddonsOnly"
          operator = "Exists"
          effect   = "NoSchedule"
        },
      ]
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
      global = {
        nodeSelector = {
          "berth.dev/system" = "true"
        }
        tolerations = [
          {
            key      = "CriticalAddonsOnly"
            operator = "Exists"
            effect   = "NoSchedule"
          },
        ]
      }
      "redis-ha" = {
        enabled = true
        redis = {
          resources = {
            requests = {
              cpu    = "100m"
              memory = "256Mi"
            }
            limits = {
              memory = "512Mi"
            }
          }
        }
        haproxy = {
          resources = {
            requests = {
              cpu    = "50m"
              memory = "64Mi"
            }
            limits = {
              memory = "128Mi"
            }
          }
          nodeSelector = {
            "berth.dev/system" = "true"
          }
          tolerations = [
            {
              key      = "CriticalAddonsOnly"
              operator = "Exists"
              effect   = "NoSchedule"
            },
          ]
        }
        nodeSelector = {
          "berth.dev/system" = "true"
        }
        tolerations = [
          {
            key      = "CriticalAddonsOnly"
            operator = "Exists"
            effect   = "NoSchedule"
          },
        ]
      }
      controller = {
        replicas = 1
        resources = {
          requests = {
            cpu    = "250m"
            memory = "512Mi"
          }
          limits = {
            memory = "1Gi"
          }
        }
      }
      server = {
        replicas = 2
        resources = {
          requests = {
            cpu    = "50m"
            memory = "128Mi"
          }
          limits = {
            memory = "256Mi"
          }
        }
      }
      repoServer = {
        replicas = 2
        resources = {
          requests = {
            cpu    = "100m"
            memory = "256Mi"
          }
          limits = {
            memory = "512Mi"
          }
        }
      }
      applicationSet = {
        replicas = 2
        resources = {
          requests = {
            cpu    = "50m"
            memory = "128Mi"
          }
          limits = {
            memory = "256Mi"
          }
        }
      }
      dex = {
        enabled = false
      }
      notifications = {
        enabled = false
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

resource "helm_release" "keda" {
  name             = "keda"
  repository       = "https://kedacore.github.io/charts"
  chart            = "keda"
  version          = var.keda_chart_version
  namespace        = "keda"
  create_namespace = true
  atomic           = true
  values = [
    yamlencode({
      operator = {
        replicaCount = 2
      }
      metricsServer = {
        replicaCount = 2
      }
      resources = {
        operator = {
          requests = {
            cpu    = "100m"
            memory = "100Mi"
          }
          limits = {
            memory = "200Mi"
          }
        }
        metricServer = {
          requests = {
            cpu    = "100m"
            memory = "100Mi"
          }
          limits = {
            memory = "200Mi"
          }
        }
        webhooks = {
          requests = {
            cpu    = "100m"
            memory = "100Mi"
          }
          limits = {
            memory = "200Mi"
          }
        }
      }
      nodeSelector = {
        "berth.dev/system" = "true"
      }
      tolerations = [
        {
          key      = "CriticalAddonsOnly"
          operator = "Exists"
          effect   = "NoSchedule"
        },
      ]
    }),
  ]
}
