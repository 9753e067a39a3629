output "cluster_name" {
  description = "The EKS cluster (bootstrap/ reads it)."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "Private API endpoint: reachable from inside the VPC only."
  value       = aws_eks_cluster.this.endpoint
}

output "karpenter_interruption_queue" {
  description = "Karpenter's settings.interruptionQueue."
  value       = aws_sqs_queue.karpenter_interruption.name
}

output "karpenter_node_role" {
  description = "The role EC2NodeClass spec.role names."
  value       = aws_iam_role.karpenter_node.name
}

output "load_balancer_controller_role" {
  description = "Role of kube-system/aws-load-balancer-controller (Pod Identity)."
  value       = aws_iam_role.load_balancer_controller.arn
}
