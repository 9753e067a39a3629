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
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension
  service_namespace  = each.value.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = local.services[each.key].cpu_target
    # Scale out fast, scale in slowly.
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  for_each           = aws_appautoscaling_target.this
  name               = "${each.key}-memory"
  policy_type        = "TargetTrackingScaling"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension
  service_namespace  = each.value.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = local.services[each.key].memory_target
    # Scale out fast, scale in slowly.
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}
