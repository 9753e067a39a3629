variable "product" { type = string }
variable "client" { type = string }
variable "api_max" { type = number }

resource "aws_ecs_cluster" "this" {
  name = "${var.product}-${var.client}"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  container_definitions = jsonencode([{
    name         = "api"
    image        = "registry.example.com/ledger-api:3.2.0"
    essential    = true
    portMappings = [{ containerPort = 8080 }]
  }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}

resource "aws_appautoscaling_target" "api" {
  min_capacity       = 2
  max_capacity       = var.api_max
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_ecs_task_definition" "reconciler" {
  family                   = "reconciler"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name      = "reconciler"
    image     = "registry.example.com/ledger-reconciler:3.2.0"
    essential = true
  }])
}

resource "aws_ecs_service" "reconciler" {
  name            = "reconciler"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.reconciler.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}
