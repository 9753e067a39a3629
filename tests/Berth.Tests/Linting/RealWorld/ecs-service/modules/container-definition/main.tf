variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "user" {
  type    = string
  default = null
}

variable "health_check" {
  type = object({
    command  = optional(list(string), ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"])
    interval = optional(number, 30)
  })
  default = {}
}

locals {
  definition = {
    name                   = var.name
    image                  = var.image
    user                   = var.user
    essential              = true
    readonlyRootFilesystem = true
    healthCheck            = var.health_check
    logConfiguration = {
      logDriver = "awslogs"
      options   = { awslogs-group = "/ecs/${var.name}", awslogs-region = "eu-west-1", awslogs-stream-prefix = var.name }
    }
  }
}

output "container_definition" {
  value = { for k, v in local.definition : k => v if v != null }
}
