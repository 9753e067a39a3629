locals {
  services = {
    "alert-dispatcher" = {
      type                  = "worker"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "X86_64"
      port                  = null
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "case-api-1" = {
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
    "case-api-2" = {
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
    "case-api-3" = {
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
      listener_priority     = 120
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "case-api-4" = {
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
      listener_priority     = 130
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "case-api-5" = {
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
      listener_priority     = 140
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "case-api-6" = {
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
      listener_priority     = 150
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "enricher-1" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = true
      min_capacity          = 1
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "enricher-2" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = true
      min_capacity          = 1
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "enricher-3" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = true
      min_capacity          = 1
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "enricher-4" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = true
      min_capacity          = 1
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "enricher-5" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = true
      min_capacity          = 1
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "enricher-6" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 1
      autoscaled            = true
      min_capacity          = 1
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "feature-api-1" = {
      type                  = "backend"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 3
      autoscaled            = false
      min_capacity          = 3
      max_capacity          = 3
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
          base              = 0
          weight            = 1
        },
      ]
    }
    "feature-api-2" = {
      type                  = "backend"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 3
      autoscaled            = false
      min_capacity          = 3
      max_capacity          = 3
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
          base              = 0
          weight            = 1
        },
      ]
    }
    "feature-api-3" = {
      type                  = "backend"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 3
      autoscaled            = false
      min_capacity          = 3
      max_capacity          = 3
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
          base              = 0
          weight            = 1
        },
      ]
    }
    "feature-api-4" = {
      type                  = "backend"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 3
      autoscaled            = false
      min_capacity          = 3
      max_capacity          = 3
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
          base              = 0
          weight            = 1
        },
      ]
    }
    "fraud-scoring" = {
      type                  = "web"
      cpu                   = 1024
      memory                = 2048
      cpu_architecture      = "X86_64"
      port                  = 8080
      health_check_path     = "/health"
      desired_count         = 3
      autoscaled            = true
      min_capacity          = 3
      max_capacity          = 20
      cpu_target            = 70
      memory_target         = 75
      scale_out_cooldown    = 60
      scale_in_cooldown     = 300
      queue_name            = null
      backlog_per_task      = null
      start_from_zero       = null
      ephemeral_storage_gib = null
      listener_priority     = 160
      secret_names          = ["prod/db/password"]
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-1" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-2" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-3" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-4" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-5" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-6" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-7" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-8" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "internal-tool-9" = {
      type                  = "backend"
      cpu                   = 256
      memory                = 512
      cpu_architecture      = "ARM64"
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 0
          weight            = 1
        },
      ]
    }
    "model-server" = {
      type                  = "backend"
      cpu                   = 2048
      memory                = 8192
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
    "report-builder-1" = {
      type                  = "worker"
      cpu                   = 1024
      memory                = 4096
      cpu_architecture      = "X86_64"
      port                  = null
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "report-builder-2" = {
      type                  = "worker"
      cpu                   = 1024
      memory                = 4096
      cpu_architecture      = "X86_64"
      port                  = null
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "report-builder-3" = {
      type                  = "worker"
      cpu                   = 1024
      memory                = 4096
      cpu_architecture      = "X86_64"
      port                  = null
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
      secret_names          = []
      capacity_provider_strategy = [
        {
          capacity_provider = "FARGATE"
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
    "rules-engine" = {
      type                  = "backend"
      cpu                   = 1024
      memory                = 2048
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
    "txn-consumer" = {
      type                  = "worker"
      cpu                   = 512
      memory                = 1024
      cpu_architecture      = "X86_64"
      port                  = null
      health_check_path     = "/health"
      desired_count         = 2
      autoscaled            = true
      min_capacity          = 2
      max_capacity          = 30
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
          base              = 2
          weight            = 1
        },
        {
          capacity_provider = "FARGATE_SPOT"
          base              = 0
          weight            = 1
        },
      ]
    }
  }

  # The ECS task-definition format, one list per service: the application and its FireLens log router.
  container_definitions = {
    "alert-dispatcher" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "alert-dispatcher"
        image                  = "${var.image_registry}/alert-dispatcher:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["alert-dispatcher"].name
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
            "awslogs-stream-prefix" = "alert-dispatcher"
          }
        }
      },
    ]
    "case-api-1" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "case-api-1"
        image                  = "${var.image_registry}/case-api-1:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["case-api-1"].name
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
            "awslogs-stream-prefix" = "case-api-1"
          }
        }
      },
    ]
    "case-api-2" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "case-api-2"
        image                  = "${var.image_registry}/case-api-2:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["case-api-2"].name
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
            "awslogs-stream-prefix" = "case-api-2"
          }
        }
      },
    ]
    "case-api-3" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "case-api-3"
        image                  = "${var.image_registry}/case-api-3:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["case-api-3"].name
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
            "awslogs-stream-prefix" = "case-api-3"
          }
        }
      },
    ]
    "case-api-4" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "case-api-4"
        image                  = "${var.image_registry}/case-api-4:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["case-api-4"].name
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
            "awslogs-stream-prefix" = "case-api-4"
          }
        }
      },
    ]
    "case-api-5" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "case-api-5"
        image                  = "${var.image_registry}/case-api-5:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["case-api-5"].name
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
            "awslogs-stream-prefix" = "case-api-5"
          }
        }
      },
    ]
    "case-api-6" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "case-api-6"
        image                  = "${var.image_registry}/case-api-6:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["case-api-6"].name
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
            "awslogs-stream-prefix" = "case-api-6"
          }
        }
      },
    ]
    "enricher-1" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "enricher-1"
        image                  = "${var.image_registry}/enricher-1:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["enricher-1"].name
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
            "awslogs-stream-prefix" = "enricher-1"
          }
        }
      },
    ]
    "enricher-2" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "enricher-2"
        image                  = "${var.image_registry}/enricher-2:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["enricher-2"].name
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
            "awslogs-stream-prefix" = "enricher-2"
          }
        }
      },
    ]
    "enricher-3" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "enricher-3"
        image                  = "${var.image_registry}/enricher-3:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["enricher-3"].name
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
            "awslogs-stream-prefix" = "enricher-3"
          }
        }
      },
    ]
    "enricher-4" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "enricher-4"
        image                  = "${var.image_registry}/enricher-4:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["enricher-4"].name
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
            "awslogs-stream-prefix" = "enricher-4"
          }
        }
      },
    ]
    "enricher-5" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "enricher-5"
        image                  = "${var.image_registry}/enricher-5:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["enricher-5"].name
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
            "awslogs-stream-prefix" = "enricher-5"
          }
        }
      },
    ]
    "enricher-6" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "enricher-6"
        image                  = "${var.image_registry}/enricher-6:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["enricher-6"].name
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
            "awslogs-stream-prefix" = "enricher-6"
          }
        }
      },
    ]
    "feature-api-1" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "feature-api-1"
        image                  = "${var.image_registry}/feature-api-1:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["feature-api-1"].name
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
            "awslogs-stream-prefix" = "feature-api-1"
          }
        }
      },
    ]
    "feature-api-2" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "feature-api-2"
        image                  = "${var.image_registry}/feature-api-2:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["feature-api-2"].name
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
            "awslogs-stream-prefix" = "feature-api-2"
          }
        }
      },
    ]
    "feature-api-3" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "feature-api-3"
        image                  = "${var.image_registry}/feature-api-3:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["feature-api-3"].name
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
            "awslogs-stream-prefix" = "feature-api-3"
          }
        }
      },
    ]
    "feature-api-4" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "feature-api-4"
        image                  = "${var.image_registry}/feature-api-4:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["feature-api-4"].name
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
            "awslogs-stream-prefix" = "feature-api-4"
          }
        }
      },
    ]
    "fraud-scoring" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "fraud-scoring"
        image                  = "${var.image_registry}/fraud-scoring:${var.image_tag}"
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
            valueFrom = data.aws_secretsmanager_secret.this["prod/db/password"].arn
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
            log_group_name    = aws_cloudwatch_log_group.service["fraud-scoring"].name
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
            "awslogs-stream-prefix" = "fraud-scoring"
          }
        }
      },
    ]
    "internal-tool-1" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-1"
        image                  = "${var.image_registry}/internal-tool-1:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-1"].name
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
            "awslogs-stream-prefix" = "internal-tool-1"
          }
        }
      },
    ]
    "internal-tool-2" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-2"
        image                  = "${var.image_registry}/internal-tool-2:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-2"].name
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
            "awslogs-stream-prefix" = "internal-tool-2"
          }
        }
      },
    ]
    "internal-tool-3" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-3"
        image                  = "${var.image_registry}/internal-tool-3:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-3"].name
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
            "awslogs-stream-prefix" = "internal-tool-3"
          }
        }
      },
    ]
    "internal-tool-4" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-4"
        image                  = "${var.image_registry}/internal-tool-4:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-4"].name
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
            "awslogs-stream-prefix" = "internal-tool-4"
          }
        }
      },
    ]
    "internal-tool-5" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-5"
        image                  = "${var.image_registry}/internal-tool-5:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-5"].name
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
            "awslogs-stream-prefix" = "internal-tool-5"
          }
        }
      },
    ]
    "internal-tool-6" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-6"
        image                  = "${var.image_registry}/internal-tool-6:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-6"].name
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
            "awslogs-stream-prefix" = "internal-tool-6"
          }
        }
      },
    ]
    "internal-tool-7" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-7"
        image                  = "${var.image_registry}/internal-tool-7:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-7"].name
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
            "awslogs-stream-prefix" = "internal-tool-7"
          }
        }
      },
    ]
    "internal-tool-8" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-8"
        image                  = "${var.image_registry}/internal-tool-8:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-8"].name
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
            "awslogs-stream-prefix" = "internal-tool-8"
          }
        }
      },
    ]
    "internal-tool-9" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "internal-tool-9"
        image                  = "${var.image_registry}/internal-tool-9:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["internal-tool-9"].name
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
            "awslogs-stream-prefix" = "internal-tool-9"
          }
        }
      },
    ]
    "model-server" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "model-server"
        image                  = "${var.image_registry}/model-server:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["model-server"].name
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
            "awslogs-stream-prefix" = "model-server"
          }
        }
      },
    ]
    "report-builder-1" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "report-builder-1"
        image                  = "${var.image_registry}/report-builder-1:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["report-builder-1"].name
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
            "awslogs-stream-prefix" = "report-builder-1"
          }
        }
      },
    ]
    "report-builder-2" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "report-builder-2"
        image                  = "${var.image_registry}/report-builder-2:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["report-builder-2"].name
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
            "awslogs-stream-prefix" = "report-builder-2"
          }
        }
      },
    ]
    "report-builder-3" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "report-builder-3"
        image                  = "${var.image_registry}/report-builder-3:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["report-builder-3"].name
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
            "awslogs-stream-prefix" = "report-builder-3"
          }
        }
      },
    ]
    "rules-engine" = [
      { # berth:ignore BERTH-ECS-020 its user is its image's own USER (ECS has no runAsNonRoot): set user to the image's non-root UID to enforce it
        name                   = "rules-engine"
        image                  = "${var.image_registry}/rules-engine:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["rules-engine"].name
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
            "awslogs-stream-prefix" = "rules-engine"
          }
        }
      },
    ]
    "txn-consumer" = [
      { # berth:ignore BERTH-ECS-004,BERTH-ECS-020 a worker without a port has no endpoint to probe, and its user is its image's own (ECS has no runAsNonRoot): add healthCheck and user when the image has them
        name                   = "txn-consumer"
        image                  = "${var.image_registry}/txn-consumer:${var.image_tag}"
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
            log_group_name    = aws_cloudwatch_log_group.service["txn-consumer"].name
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
            "awslogs-stream-prefix" = "txn-consumer"
          }
        }
      },
    ]
  }
}
