locals {
  services = {
    "audit-consumer" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 12
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 0
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 1
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 3
        },
      ]
    }
    "email-worker" = {
      type                  = "worker"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 20
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = "emails"
      backlog_per_task      = 50
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 0
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "invoice-worker" = {
      type               = "worker"
      cpu                = 1024
      memory             = 2048
      cpu_architecture   = "X86_64"
      port               = null
      health_check_path  = "/health"
      desired_count      = 0
      autoscaled         = true
      min_capacity       = 0
      max_capacity       = 80
      cpu_target         = 70
      memory_target      = 75
      scale_out_cooldown = 60
      scale_in_cooldown  = 300
      queue_name         = "invoices"
      backlog_per_task   = 100
      start_from_zero = {
        messages   = 1
        adjustment = 1
        cooldown   = 300
      }
      ephemeral_storage_gib = null
      listener_priority     = 0
      secret_names          = ["order-pipeline/ledger-token"]
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 1
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 3
        },
      ]
    }
    "orders-api" = {
      type                  = "web"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 10
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 100
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
  }

  # The ECS task-definition format, one list per service: the application and its FireLens log router.
  container_definitions = {
    "audit-consumer" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "audit-consumer"
        image                  = "${var.image_registry}/audit-consumer:${var.image_tag}"
        essential              = true
        readonlyRootFilesystem = true
        secrets                = []
        mountPoints = [
          {
            sourceVolume  = "tmp"
            containerPath = "/tmp"
            readOnly      = false
          },
        ]
        linuxParameters = {
          initProcessEnabled = true
        }
        stopTimeout = 120
        dependsOn = [
          {
            containerName = "log_router"
            condition     = "START"
          },
        ]
        logConfiguration = {
          logDriver = "awsfirelens"
          options = {
            Name              = "cloudwatch_logs"
            region            = var.region
            log_group_name    = aws_cloudwatch_log_group.service["audit-consumer"].name
            log_stream_prefix = "app/"
            auto_create_group = "false"
          }
        }
      },
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-016 FireLens's log router (aws-for-fluent-bit) has no port to probe and writes its buffers and generated config to its filesystem; the app starts only after it (dependsOn START)
        name              = "log_router"
        image             = var.fluent_bit_image
        essential         = true
        memoryReservation = 50
        stopTimeout       = 120
        user              = "0" # berth:ignore BERTH-ECS-020 FireLens's log router runs as root in AWS's FireLens task definitions (aws-for-fluent-bit); it has no port and no task role of its own
        firelensConfiguration = {
          type = "fluentbit"
          options = {
            "enable-ecs-log-metadata" = "true"
          }
        }
        logConfiguration = {
          logDriver = "awslogs"
          options = {
            "awslogs-group"         = aws_cloudwatch_log_group.firelens.name
            "awslogs-region"        = var.region
            "awslogs-stream-prefix" = "audit-consumer"
          }
        }
      },
    ]
    "email-worker" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "email-worker"
        image                  = "${var.image_registry}/email-worker:${var.image_tag}"
        essential              = true
        readonlyRootFilesystem = true
        secrets                = []
        mountPoints = [
          {
            sourceVolume  = "tmp"
            containerPath = "/tmp"
            readOnly      = false
          },
        ]
        linuxParameters = {
          initProcessEnabled = true
        }
        stopTimeout = 120
        dependsOn = [
          {
            containerName = "log_router"
            condition     = "START"
          },
        ]
        logConfiguration = {
          logDriver = "awsfirelens"
          options = {
            Name              = "cloudwatch_logs"
            region            = var.region
            log_group_name    = aws_cloudwatch_log_group.service["email-worker"].name
            log_stream_prefix = "app/"
            auto_create_group = "false"
          }
        }
      },
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-016 FireLens's log router (aws-for-fluent-bit) has no port to probe and writes its buffers and generated config to its filesystem; the app starts only after it (dependsOn START)
        name              = "log_router"
        image             = var.fluent_bit_image
        essential         = true
        memoryReservation = 50
        stopTimeout       = 30
        user              = "0" # berth:ignore BERTH-ECS-020 FireLens's log router runs as root in AWS's FireLens task definitions (aws-for-fluent-bit); it has no port and no task role of its own
        firelensConfiguration = {
          type = "fluentbit"
          options = {
            "enable-ecs-log-metadata" = "true"
          }
        }
        logConfiguration = {
          logDriver = "awslogs"
          options = {
            "awslogs-group"         = aws_cloudwatch_log_group.firelens.name
            "awslogs-region"        = var.region
            "awslogs-stream-prefix" = "email-worker"
          }
        }
      },
    ]
    "invoice-worker" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "invoice-worker"
        image                  = "${var.image_registry}/invoice-worker:${var.image_tag}"
        essential              = true
        readonlyRootFilesystem = true
        secrets = [
          {
            name      = "LEDGER_TOKEN"
            valueFrom = data.aws_secretsmanager_secret.this["order-pipeline/ledger-token"].arn
          },
        ]
        mountPoints = [
          {
            sourceVolume  = "tmp"
            containerPath = "/tmp"
            readOnly      = false
          },
        ]
        linuxParameters = {
          initProcessEnabled = true
        }
        stopTimeout = 120
        dependsOn = [
          {
            containerName = "log_router"
            condition     = "START"
          },
        ]
        logConfiguration = {
          logDriver = "awsfirelens"
          options = {
            Name              = "cloudwatch_logs"
            region            = var.region
            log_group_name    = aws_cloudwatch_log_group.service["invoice-worker"].name
            log_stream_prefix = "app/"
            auto_create_group = "false"
          }
        }
      },
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-016 FireLens's log router (aws-for-fluent-bit) has no port to probe and writes its buffers and generated config to its filesystem; the app starts only after it (dependsOn START)
        name              = "log_router"
        image             = var.fluent_bit_image
        essential         = true
        memoryReservation = 50
        stopTimeout       = 120
        user              = "0" # berth:ignore BERTH-ECS-020 FireLens's log router runs as root in AWS's FireLens task definitions (aws-for-fluent-bit); it has no port and no task role of its own
        firelensConfiguration = {
          type = "fluentbit"
          options = {
            "enable-ecs-log-metadata" = "true"
          }
        }
        logConfiguration = {
          logDriver = "awslogs"
          options = {
            "awslogs-group"         = aws_cloudwatch_log_group.firelens.name
            "awslogs-region"        = var.region
            "awslogs-stream-prefix" = "invoice-worker"
          }
        }
      },
    ]
    "orders-api" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "orders-api"
        image                  = "${var.image_registry}/orders-api:${var.image_tag}"
        essential              = true
        readonlyRootFilesystem = true
        portMappings = [
          {
            name          = "http"
            containerPort = 8080
            hostPort      = 8080
            protocol      = "tcp"
          },
        ]
        healthCheck = {
          command     = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]
          interval    = 30
          timeout     = 5
          retries     = 3
          startPeriod = 60
        }
        secrets = []
        mountPoints = [
          {
            sourceVolume  = "tmp"
            containerPath = "/tmp"
            readOnly      = false
          },
        ]
        linuxParameters = {
          initProcessEnabled = true
        }
        stopTimeout = 120
        dependsOn = [
          {
            containerName = "log_router"
            condition     = "START"
          },
        ]
        logConfiguration = {
          logDriver = "awsfirelens"
          options = {
            Name              = "cloudwatch_logs"
            region            = var.region
            log_group_name    = aws_cloudwatch_log_group.service["orders-api"].name
            log_stream_prefix = "app/"
            auto_create_group = "false"
          }
        }
      },
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-016 FireLens's log router (aws-for-fluent-bit) has no port to probe and writes its buffers and generated config to its filesystem; the app starts only after it (dependsOn START)
        name              = "log_router"
        image             = var.fluent_bit_image
        essential         = true
        memoryReservation = 50
        stopTimeout       = 30
        user              = "0" # berth:ignore BERTH-ECS-020 FireLens's log router runs as root in AWS's FireLens task definitions (aws-for-fluent-bit); it has no port and no task role of its own
        firelensConfiguration = {
          type = "fluentbit"
          options = {
            "enable-ecs-log-metadata" = "true"
          }
        }
        logConfiguration = {
          logDriver = "awslogs"
          options = {
            "awslogs-group"         = aws_cloudwatch_log_group.firelens.name
            "awslogs-region"        = var.region
            "awslogs-stream-prefix" = "orders-api"
          }
        }
      },
    ]
  }
}
