variable "product" {
  type    = string
  default = "shop"
}

variable "environment" {
  type        = string
  description = "production | staging | development"
  default     = "staging"
}

variable "registry" {
  type    = string
  default = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
}

variable "container_insights" {
  type    = bool
  default = true
}

variable "clients" {
  type = list(object({
    name      = string
    image_tag = string
    cpu       = number
    memory    = number
    replicas  = number
  }))
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type    = list(string)
  default = []
}

variable "admin_cidrs" {
  type    = list(string)
  default = []
}
