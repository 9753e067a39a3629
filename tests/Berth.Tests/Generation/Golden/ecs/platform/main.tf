provider "aws" {
  region = var.region

  default_tags {
    tags = {
      environment  = "production"
      "managed-by" = "terraform"
      platform     = "fraud-detection"
    }
  }
}

module "platform" {
  source = "./modules/ecs-platform"

  name               = "fraud-detection"
  region             = var.region
  vpc_id             = var.clients["fraud-detection"].vpc_id
  private_subnet_ids = var.clients["fraud-detection"].private_subnet_ids
  public_subnet_ids  = var.clients["fraud-detection"].public_subnet_ids
  certificate_arn    = var.clients["fraud-detection"].certificate_arn
  domain_name        = var.clients["fraud-detection"].domain_name
  image_registry     = var.image_registry
  image_tag          = var.clients["fraud-detection"].image_tag
  tags = {
    client = "fraud-detection"
  }
}
