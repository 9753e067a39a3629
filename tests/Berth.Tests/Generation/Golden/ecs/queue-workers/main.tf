provider "aws" {
  region = var.region

  default_tags {
    tags = {
      environment  = "production"
      "managed-by" = "terraform"
      platform     = "order-pipeline"
    }
  }
}

module "platform" {
  source = "./modules/ecs-platform"

  name               = "order-pipeline"
  region             = var.region
  vpc_id             = var.clients["order-pipeline"].vpc_id
  private_subnet_ids = var.clients["order-pipeline"].private_subnet_ids
  public_subnet_ids  = var.clients["order-pipeline"].public_subnet_ids
  certificate_arn    = var.clients["order-pipeline"].certificate_arn
  domain_name        = var.clients["order-pipeline"].domain_name
  image_registry     = var.image_registry
  image_tag          = var.clients["order-pipeline"].image_tag
  tags = {
    client = "order-pipeline"
  }
}
