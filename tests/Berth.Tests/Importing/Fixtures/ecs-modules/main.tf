# A team's ECS platform as teams write it: a cluster, a local service module called per service with variables,
# and a registry module that was never initialised.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Environment = var.environment
      Project     = var.project
    }
  }
}

locals {
  cluster_name = "${var.project}-${var.environment}"
}

resource "aws_ecs_cluster" "main" {
  name = local.cluster_name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }
}

module "checkout_api" {
  source = "./modules/service"

  name             = "checkout-api"
  cluster_id       = aws_ecs_cluster.main.id
  cluster_name     = aws_ecs_cluster.main.name
  cpu              = var.api_cpu
  memory           = var.api_memory
  container_port   = 3000
  health_path      = "/healthz"
  target_group_arn = var.checkout_target_group_arn
  min_capacity     = 2
  max_capacity     = var.api_max_tasks
  autoscaling_policies = {
    cpu = { metric = "ECSServiceAverageCPUUtilization", target = 60 }
  }
  secrets = {
    STRIPE_KEY = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:shop/stripe-key-Ab12Cd"
  }
  capacity_provider_strategy = {
    FARGATE = { base = 0, weight = 1 }
  }
}

module "order_worker" {
  source = "./modules/service"

  name           = "order_worker"
  cluster_id     = aws_ecs_cluster.main.id
  cluster_name   = aws_ecs_cluster.main.name
  cpu            = 512
  memory         = 2048
  architecture   = "ARM64"
  stop_timeout   = 120
  min_capacity   = 1
  max_capacity   = 12
  sqs_queue_name = "orders"
  sqs_target     = 50
  capacity_provider_strategy = {
    FARGATE_SPOT = { base = 0, weight = 1 }
  }
}

module "reports" {
  source = "./modules/service"

  name          = "reports"
  cluster_id    = aws_ecs_cluster.main.id
  cluster_name  = aws_ecs_cluster.main.name
  cpu           = 256
  memory        = 512
  desired_count = var.reports_count
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = local.cluster_name
  cidr = "10.0.0.0/16"
}
