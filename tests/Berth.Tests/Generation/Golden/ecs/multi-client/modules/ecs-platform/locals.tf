locals {
  services = {
    "claims-api" = {
      type                  = "web"
      cpu                   = 1024
      memory                = 2048
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 6
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 100
      secret_names          = ["claims/db-password"]
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    documents = {
      type                  = "backend"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = false
      min_capacity          = 2
      max_capacity          = 2
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = 30
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
    notifier = {
      type                  = "worker"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = false
      min_capacity          = 1
      max_capacity          = 1
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
          weight            = 1
        },
      ]
    }
    portal = {
      type                  = "web"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/healthz"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 4
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 110
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
    "claims-api" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "claims-api"
        image                  = "${var.image_registry}/claims-api:${var.image_tag}"
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
        secrets = [
          {
            name      = "DB_PASSWORD"
            valueFrom = data.aws_secretsmanager_secret.this["claims/db-password"].arn
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
            log_group_name    = aws_cloudwatch_log_group.service["claims-api"].name
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
            "awslogs-stream-prefix" = "claims-api"
          }
        }
      },
    ]
    documents = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "documents"
        image                  = "${var.image_registry}/documents:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["documents"].name
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
            "awslogs-stream-prefix" = "documents"
          }
        }
      },
    ]
    notifier = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "notifier"
        image                  = "${var.image_registry}/notifier:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["notifier"].name
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
            "awslogs-stream-prefix" = "notifier"
          }
        }
      },
    ]
    portal = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "portal"
        image                  = "${var.image_registry}/portal:${var.image_tag}"
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
          command     = ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"]
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
            log_group_name    = aws_cloudwatch_log_group.service["portal"].name
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
            "awslogs-stream-prefix" = "portal"
          }
        }
      },
    ]
  }
}
