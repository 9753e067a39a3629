# The shape of terraform-aws-modules/ecs: a container-definition module whose output the task definition encodes.
module "container" {
  source   = "./modules/container-definition"
  for_each = local.containers

  name  = each.key
  image = each.value.image
  user  = each.value.user
}

locals {
  containers = {
    api      = { image = "public.ecr.aws/shop/api:2.4.1", user = "1000" }
    migrator = { image = "public.ecr.aws/shop/migrator:latest", user = null }
  }
}

resource "aws_ecs_cluster" "this" {
  name = "shop"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::111122223333:role/api-execution"
  task_role_arn            = "arn:aws:iam::111122223333:role/api-task"
  container_definitions    = jsonencode([for name, c in module.container : c.container_definition])
}

resource "aws_ecs_service" "api" {
  name                   = "api"
  cluster                = aws_ecs_cluster.this.id
  task_definition        = aws_ecs_task_definition.api.arn
  desired_count          = 3
  enable_execute_command = true

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }

  network_configuration {
    subnets          = ["subnet-0a", "subnet-0b"]
    assign_public_ip = false
  }
}
