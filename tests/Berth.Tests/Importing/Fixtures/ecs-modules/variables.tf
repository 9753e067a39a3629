variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  type = string
}

variable "project" {
  type    = string
  default = "shop"
}

variable "api_cpu" {
  type    = number
  default = 512
}

variable "api_memory" {
  type    = number
  default = 1024
}

variable "api_max_tasks" {
  type    = number
  default = 6
}

variable "reports_count" {
  type    = number
  default = 1
}

variable "checkout_target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/checkout/0123456789abcdef"
}
