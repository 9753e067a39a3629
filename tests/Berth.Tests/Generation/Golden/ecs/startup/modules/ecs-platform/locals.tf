locals {
  services = {
    api = {
      type                  = "web"
      cpu                   = 1024
      memory                = 2048
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 8
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 100
      secret_names          = ["prod/invoicing/db-password"]
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    billing = {
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
      ephemeral_storage_gib = null
      listener_priority     = 0
      secret_names          = ["prod/invoicing/stripe-key"]
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    mailer = {
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
          weight            = 20
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 80
        },
      ]
    }
    "pdf-renderer" = {
      type                  = "worker"
      cpu                   = 1024
      memory                = 2048
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
          weight            = 20
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 80
        },
      ]
    }
    web = {
      type                  = "web"
      cpu                   = 512
      memory                = 1024
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
    api = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "api"
        image                  = "${var.image_registry}/api:${var.image_tag}"
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
            valueFrom = data.aws_secretsmanager_secret.this["prod/invoicing/db-password"].arn
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
            log_group_name    = aws_cloudwatch_log_group.service["api"].name
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
            "awslogs-stream-prefix" = "api"
          }
        }
      },
    ]
    billing = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "billing"
        image                  = "${var.image_registry}/billing:${var.image_tag}"
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
            name      = "STRIPE_KEY"
            valueFrom = data.aws_secretsmanager_secret.this["prod/invoicing/stripe-key"].arn
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
            log_group_name    = aws_cloudwatch_log_group.service["billing"].name
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
            "awslogs-stream-prefix" = "billing"
          }
        }
      },
    ]
    mailer = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "mailer"
        image                  = "${var.image_registry}/mailer:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["mailer"].name
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
            "awslogs-stream-prefix" = "mailer"
          }
        }
      },
    ]
    "pdf-renderer" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "pdf-renderer"
        image                  = "${var.image_registry}/pdf-renderer:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["pdf-renderer"].name
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
            "awslogs-stream-prefix" = "pdf-renderer"
          }
        }
      },
    ]
    web = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "web"
        image                  = "${var.image_registry}/web:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["web"].name
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
            "awslogs-stream-prefix" = "web"
          }
        }
      },
    ]
  }
}
