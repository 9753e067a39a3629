# One ECS platform per environment: the same module called for staging and production (not clients).
provider "aws" {
  region = "eu-west-1"
}

variable "environments" {
  type = map(object({ api_max = number }))
  default = {
    "staging"    = { api_max = 2 }
    "production" = { api_max = 6 }
  }
}

module "tenant" {
  source   = "./modules/tenant"
  for_each = var.environments

  product = "ledger"
  client  = each.key
  api_max = each.value.api_max
}
