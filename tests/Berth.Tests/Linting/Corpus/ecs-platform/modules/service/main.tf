locals {
  strategy = var.spot ? [
    { provider = "FARGATE", base = 1, weight = 20 },
    { provider = "FARGATE_SPOT", base = 0, weight = 80 },
  ] : [{ provider = "FARGATE", base = 1, weight = 100 }]
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name                   = "app"
      user                   = "1000"
      image                  = var.image
      essential              = true
      readonlyRootFilesystem = true
      stopTimeout            = 120
      portMappings           = [{ containerPort = var.port, protocol = "tcp" }]
      environment            = [for k, v in var.environment : { name = k, value = v }]
      secrets                = [for k, v in var.secrets : { name = k, valueFrom = v }]
      healthCheck = {
        command  = ["CMD-SHELL", "curl -f http://localhost:${var.port}/health || exit 1"]
        interval = 30
        retries  = 3
      }
      logConfiguration = {
        logDriver = "awsfirelens"
        options   = { Name = "cloudwatch_logs", region = "eu-west-1" }
      }
    },
    {
      name                   = "log-router"
      user                   = "1000"
      image                  = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"
      essential              = true
      readonlyRootFilesystem = true
      stopTimeout            = 120
      firelensConfiguration  = { type = "fluentbit" }
      healthCheck            = { command = ["CMD-SHELL", "exit 0"] }
      logConfiguration = {
        logDriver = "awslogs"
        options   = { "awslogs-group" = "/ecs/${var.name}/firelens" }
      }
    },
  ])

  tags = var.tags
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  enable_execute_command             = true
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  dynamic "capacity_provider_strategy" {
    for_each = local.strategy
    content {
      capacity_provider = capacity_provider_strategy.value.provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = var.assign_public_ip
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  tags = var.tags
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${split("/", var.cluster_arn)[1]}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = max(2, var.desired_count)
  max_capacity       = var.desired_count * 5
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  service_namespace  = aws_appautoscaling_target.this.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value       = 70
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

output "service_name" {
  value = aws_ecs_service.this.name
}
