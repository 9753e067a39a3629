# berth:ignore BERTH-ECS-012 berth.yaml sets scaling.min below 2 for invoice-worker: raise it there for availability
resource "aws_appautoscaling_target" "this" {
  for_each           = { for k, s in local.services : k => s if s.autoscaled }
  min_capacity       = each.value.min_capacity
  max_capacity       = each.value.max_capacity
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.autoscaled[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each           = aws_appautoscaling_target.this
  name               = "${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = local.services[each.key].cpu_target
    # Scale out fast, scale in slowly.
    scale_out_cooldown = local.services[each.key].scale_out_cooldown
    scale_in_cooldown  = local.services[each.key].scale_in_cooldown

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  for_each           = aws_appautoscaling_target.this
  name               = "${each.key}-memory"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = local.services[each.key].memory_target
    # Scale out fast, scale in slowly.
    scale_out_cooldown = local.services[each.key].scale_out_cooldown
    scale_in_cooldown  = local.services[each.key].scale_in_cooldown

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

# SQS consumers: target tracking on backlog per task, AWS's metric math pattern
# (docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).
# Application Auto Scaling follows whichever policy asks for the most tasks; it scales in only when all agree.
resource "aws_appautoscaling_policy" "backlog" {
  for_each           = { for k, s in local.services : k => s if s.autoscaled && s.queue_name != null }
  name               = "${each.key}-backlog"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = local.services[each.key].backlog_per_task
    # Scale out fast, scale in slowly.
    scale_out_cooldown = local.services[each.key].scale_out_cooldown
    scale_in_cooldown  = local.services[each.key].scale_in_cooldown

    customized_metric_specification {
      metrics {
        id          = "messages"
        label       = "Messages visible in the queue"
        return_data = false

        metric_stat {
          metric {
            namespace   = "AWS/SQS"
            metric_name = "ApproximateNumberOfMessagesVisible"

            dimensions {
              name  = "QueueName"
              value = each.value.queue_name
            }
          }

          stat = "Sum"
        }
      }

      metrics {
        id          = "tasks"
        label       = "Running tasks"
        return_data = false

        metric_stat {
          metric {
            namespace   = "ECS/ContainerInsights"
            metric_name = "RunningTaskCount"

            dimensions {
              name  = "ClusterName"
              value = aws_ecs_cluster.this.name
            }

            dimensions {
              name  = "ServiceName"
              value = aws_ecs_service.autoscaled[each.key].name
            }
          }

          stat = "Average"
        }
      }

      metrics {
        id          = "backlog_per_task"
        label       = "Backlog per task"
        expression  = "messages / tasks"
        return_data = true
      }
    }
  }
}

# Target tracking cannot start a service that runs no task (no task, no datapoint): with scaling.min 0,
# a step scaling policy adds a task when messages wait and none runs (application-auto-scaling-step-scaling-policies.html).
resource "aws_appautoscaling_policy" "start_from_zero" {
  for_each           = { for k, s in local.services : k => s if s.autoscaled && s.start_from_zero != null }
  name               = "${each.key}-start-from-zero"
  policy_type        = "StepScaling"
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    cooldown                = each.value.start_from_zero.cooldown
    metric_aggregation_type = "Maximum"

    step_adjustment {
      metric_interval_lower_bound = 0
      scaling_adjustment          = each.value.start_from_zero.adjustment
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "start_from_zero" {
  for_each            = { for k, s in local.services : k => s if s.autoscaled && s.start_from_zero != null }
  alarm_name          = "${var.name}-${each.key}-messages-waiting-no-task"
  alarm_description   = "${each.key}: messages wait in ${each.value.queue_name} and no task runs; starts one."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_appautoscaling_policy.start_from_zero[each.key].arn]

  metric_query {
    id    = "messages"
    label = "Messages visible in the queue"

    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      period      = 60
      stat        = "Maximum"
      dimensions  = { QueueName = each.value.queue_name }
    }
  }

  metric_query {
    id    = "tasks"
    label = "Running tasks"

    metric {
      namespace   = "ECS/ContainerInsights"
      metric_name = "RunningTaskCount"
      period      = 60
      stat        = "Average"
      dimensions  = { ClusterName = aws_ecs_cluster.this.name, ServiceName = aws_ecs_service.autoscaled[each.key].name }
    }
  }

  metric_query {
    id          = "waiting_with_no_task"
    label       = "Messages waiting and no task running"
    expression  = "IF(messages >= ${each.value.start_from_zero.messages} AND FILL(tasks, 0) == 0, 1, 0)"
    return_data = true
  }

  tags = var.tags
}
