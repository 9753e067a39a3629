provider "aws" {
  region = var.region

  default_tags {
    tags = {
      environment  = "production"
      "managed-by" = "terraform"
      platform     = "invoicing"
    }
  }
}

module "platform" {
  source = "./modules/ecs-platform"

  name               = "invoicing"
  region             = var.region
  vpc_id             = var.clients["invoicing"].vpc_id
  private_subnet_ids = var.clients["invoicing"].private_subnet_ids
  public_subnet_ids  = var.clients["invoicing"].public_subnet_ids
  certificate_arn    = var.clients["invoicing"].certificate_arn
  domain_name        = var.clients["invoicing"].domain_name
  image_registry     = var.image_registry
  image_tag          = var.clients["invoicing"].image_tag
  tags = {
    client = "invoicing"
  }
}
