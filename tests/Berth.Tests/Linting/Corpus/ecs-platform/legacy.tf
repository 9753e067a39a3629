# The batch worker predates the module: its definition is a heredoc.
resource "aws_ecs_task_definition" "worker" {
  family                   = "${local.name}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.worker_execution.arn
  task_role_arn            = aws_iam_role.worker_task.arn

  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "user": "1000",
        "image": "${var.registry}/worker:2.0.1",
        "essential": true,
        "readonlyRootFilesystem": true,
        "stopTimeout": 120,
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": { "awslogs-group": "/ecs/worker", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "w" }
        },
        "healthCheck": { "command": ["CMD-SHELL", "test -f /tmp/alive"], "interval": 30 }
      }
    ]
  JSON
}

resource "aws_ecs_task_definition" "sidecar" {
  family                   = "${local.name}-sidecar"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = aws_iam_role.worker_execution.arn
  task_role_arn            = aws_iam_role.worker_task.arn
  container_definitions    = file("${path.module}/containers/worker.json")
}

resource "aws_iam_role" "worker_execution" {
  name               = "${local.name}-worker-exec"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_iam_role" "worker_task" {
  name               = "${local.name}-worker-task"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
