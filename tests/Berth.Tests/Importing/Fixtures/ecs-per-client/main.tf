# One ECS platform per client: a local module called with for_each over the clients map.
provider "aws" {
  region = "eu-west-1"
}

variable "clients" {
  type = map(object({ api_max = number }))
  default = {
    "bluebank"  = { api_max = 6 }
    "greenmill" = { api_max = 6 }
  }
}

module "tenant" {
  source   = "./modules/tenant"
  for_each = var.clients

  product = "ledger"
  client  = each.key
  api_max = each.value.api_max
}
