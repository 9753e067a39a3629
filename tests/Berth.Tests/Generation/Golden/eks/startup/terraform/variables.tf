variable "region" {
  type        = string
  description = "AWS region of the cluster."
  default     = "us-east-1"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the control plane's network interfaces and the nodes (tag them karpenter.sh/discovery = invoicing)."
}

variable "admin_role_arn" {
  type        = string
  description = "IAM role given cluster-admin through an access entry (the platform team's role)."
}

variable "team_role_arns" {
  type        = map(string)
  description = "IAM role of each team, keyed by namespace; each may edit only its own namespace."

  validation {
    condition     = alltrue([for k in keys(var.team_role_arns) : contains(["invoicing"], k)])
    error_message = "team_role_arns keys must be team namespaces: invoicing."
  }
}

variable "addon_versions" {
  type        = map(string)
  description = "Pinned version of each managed add-on (aws eks describe-addon-versions --kubernetes-version 1.35)."

  validation {
    condition     = alltrue([for a in ["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"] : contains(keys(var.addon_versions), a)])
    error_message = "addon_versions needs a version for each of: aws-ebs-csi-driver, coredns, eks-pod-identity-agent, kube-proxy, vpc-cni."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the control-plane logs."
  default     = 90
}
