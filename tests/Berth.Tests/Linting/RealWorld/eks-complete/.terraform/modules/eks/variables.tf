variable "create" {
  type    = bool
  default = true
}

variable "cluster_name" {
  type = string
}

variable "cluster_version" {
  type    = string
  default = null
}

variable "cluster_endpoint_public_access" {
  type    = bool
  default = false
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}

variable "cluster_addons" {
  type = map(object({
    name          = optional(string)
    most_recent   = optional(bool, false)
    addon_version = optional(string)
  }))
  default = {}
}

variable "eks_managed_node_groups" {
  type    = any
  default = {}
}

variable "cluster_enabled_log_types" {
  type    = list(string)
  default = ["audit", "api", "authenticator"]
}
