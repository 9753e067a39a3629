# CoreDNS and the EBS CSI controller run on the system node group (system.tf) with the requests berth cost prices;
# prefix delegation gives many more pod IPs per node (Karpenter's max-pods assumes it off; see DOMAIN.md §3).
locals {
  addon_configuration = {
    "vpc-cni" = {
      env = {
        ENABLE_PREFIX_DELEGATION = "true"
        WARM_PREFIX_TARGET       = "1"
      }
    }
    coredns = {
      replicaCount = 2
      resources = {
        requests = {
          cpu    = "100m"
          memory = "70Mi"
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
    "aws-ebs-csi-driver" = {
      controller = {
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
    }
  }
}

resource "aws_eks_addon" "this" {
  for_each                    = toset(["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"])
  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = var.addon_versions[each.key]
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "PRESERVE"
  configuration_values        = contains(keys(local.addon_configuration), each.key) ? jsonencode(local.addon_configuration[each.key]) : null

  dynamic "pod_identity_association" {
    for_each = each.key == "aws-ebs-csi-driver" ? [1] : []

    content {
      role_arn        = aws_iam_role.ebs_csi.arn
      service_account = "ebs-csi-controller-sa"
    }
  }
}

data "aws_iam_policy_document" "pod_identity_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ebs_csi" {
  name               = "${local.name}-ebs-csi"
  assume_role_policy = data.aws_iam_policy_document.pod_identity_assume.json
}

resource "aws_iam_role_policy_attachment" "ebs_csi" {
  role       = aws_iam_role.ebs_csi.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}
