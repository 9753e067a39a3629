variable "name" { type = string }
variable "cluster_id" { type = string }
variable "cluster_name" { type = string }
variable "cpu" { type = number }
variable "memory" { type = number }

variable "architecture" {
  type    = string
  default = "X86_64"
}

variable "container_port" {
  type    = number
  default = null
}

variable "health_path" {
  type    = string
  default = "/health"
}

variable "stop_timeout" {
  type    = number
  default = 30
}

variable "target_group_arn" {
  type    = string
  default = null
}

variable "desired_count" {
  type    = number
  default = 1
}

variable "min_capacity" {
  type    = number
  default = null
}

variable "max_capacity" {
  type    = number
  default = null
}

variable "autoscaling_policies" {
  type    = map(object({ metric = string, target = number }))
  default = {}
}

variable "sqs_queue_name" {
  type    = string
  default = null
}

variable "sqs_target" {
  type    = number
  default = 100
}

variable "secrets" {
  type    = map(string)
  default = {}
}

variable "capacity_provider_strategy" {
  type    = map(object({ base = number, weight = number }))
  default = {}
}
