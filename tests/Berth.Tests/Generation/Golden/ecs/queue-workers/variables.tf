variable "region" {
  type        = string
  description = "AWS region of every instance."
  default     = "us-east-1"
}

variable "image_registry" {
  type        = string
  description = "Registry holding one repository per service, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com."
}

variable "clients" {
  type        = map(object({ vpc_id = string, private_subnet_ids = list(string), public_subnet_ids = list(string), certificate_arn = string, domain_name = string, image_tag = string }))
  description = "Network, certificate, domain and image tag of each platform instance, keyed by client."

  validation {
    condition     = alltrue([for k in ["order-pipeline"] : contains(keys(var.clients), k)])
    error_message = "clients needs an entry for each of: order-pipeline."
  }
}
