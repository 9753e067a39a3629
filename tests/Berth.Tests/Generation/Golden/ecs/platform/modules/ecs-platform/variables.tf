variable "name" {
  type        = string
  description = "Name of the platform instance: the cluster, log groups and roles are named after it."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,39}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens, at most 40 characters."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the provider the root passes: the key policy, the task role ARNs and the log drivers name it."
}

variable "vpc_id" {
  type        = string
  description = "VPC the tasks, load balancer and service discovery namespace live in."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the tasks (no public IPs)."
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets for the application load balancer."
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the load balancer's HTTPS listener."
}

variable "domain_name" {
  type        = string
  description = "Web services answer at <service>.<domain_name>."
}

variable "image_registry" {
  type        = string
  description = "Registry holding one repository per service, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com."
}

variable "image_tag" {
  type        = string
  description = "Image tag every service of this instance runs."
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps service, log-router and ECS Exec logs."
  default     = 90
}

variable "fluent_bit_image" {
  type        = string
  description = "FireLens log router image; pin a version or digest you have tested."
  default     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource that takes them."
  default     = {}
}
