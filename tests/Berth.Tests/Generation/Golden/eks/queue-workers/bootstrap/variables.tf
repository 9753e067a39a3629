variable "region" {
  type        = string
  description = "AWS region of the cluster."
  default     = "us-east-1"
}

variable "cluster_name" {
  type        = string
  description = "The cluster terraform/ created."
  default     = "order-pipeline"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster (the load balancer controller needs it)."
}

variable "karpenter_interruption_queue" {
  type        = string
  description = "terraform output karpenter_interruption_queue."
}

variable "argocd_oidc_config" {
  type        = string
  description = "ArgoCD's oidc.config (YAML): SSO replaces the local admin, which is disabled."
}

variable "karpenter_chart_version" {
  type        = string
  description = "Karpenter chart (v1 API)."
  default     = "1.5.0"
}

variable "load_balancer_controller_chart_version" {
  type        = string
  description = "AWS Load Balancer Controller chart."
  default     = "1.13.0"
}

variable "argocd_chart_version" {
  type        = string
  description = "argo-cd chart (ArgoCD before 3.1)."
  default     = "7.8.0"
}

variable "keda_chart_version" {
  type        = string
  description = "KEDA chart (scales services on queue depth or consumer lag)."
  default     = "2.17.0"
}
