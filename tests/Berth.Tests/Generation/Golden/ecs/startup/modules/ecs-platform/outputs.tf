output "cluster_name" {
  description = "The ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "load_balancer_dns_name" {
  description = "Point <service>.<domain_name> of each web service here."
  value       = aws_lb.this.dns_name
}

output "service_discovery_namespace" {
  description = "Backend services answer at <service>.<namespace>."
  value       = aws_service_discovery_private_dns_namespace.this.name
}

output "log_groups" {
  description = "Each service's log group."
  value       = { for k, g in aws_cloudwatch_log_group.service : k => g.name }
}

output "services" {
  description = "The safety settings of every service, for review and tests."
  value       = { for k, s in merge(aws_ecs_service.fixed, aws_ecs_service.autoscaled) : k => { desired_count = s.desired_count, circuit_breaker_rollback = s.deployment_circuit_breaker[0].rollback, assign_public_ip = s.network_configuration[0].assign_public_ip, minimum_healthy_percent = s.deployment_minimum_healthy_percent, maximum_percent = s.deployment_maximum_percent, enable_execute_command = s.enable_execute_command } }
}

output "queue_scaling" {
  description = "The queue-driven policies of SQS consumers: the queue, the backlog per task they keep, whether an alarm starts them from zero."
  value       = { for k, p in aws_appautoscaling_policy.backlog : k => { queue = local.services[k].queue_name, backlog_per_task = p.target_tracking_scaling_policy_configuration[0].target_value, starts_from_zero = contains(keys(aws_cloudwatch_metric_alarm.start_from_zero), k) } }
}
