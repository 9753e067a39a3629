variable "name" { type = string }
variable "cluster_arn" { type = string }
variable "image" { type = string }
variable "cpu" {
  type    = number
  default = 256
}
variable "memory" {
  type    = number
  default = 512
}
variable "desired_count" {
  type    = number
  default = 2
}
variable "subnet_ids" { type = list(string) }
variable "spot" {
  type    = bool
  default = false
}
variable "assign_public_ip" {
  type    = bool
  default = false
}
variable "port" {
  type    = number
  default = 8080
}
variable "environment" {
  type    = map(string)
  default = {}
}
variable "secrets" {
  type    = map(string)
  default = {}
}
variable "tags" {
  type    = map(string)
  default = {}
}
