provider "aws" {
  region = var.region

  default_tags {
    tags = {
      environment  = "production"
      "managed-by" = "terraform"
      platform     = "claims-portal"
    }
  }
}

module "acme_insurance" {
  source = "./modules/ecs-platform"

  name               = "claims-portal-acme-insurance"
  region             = var.region
  vpc_id             = var.clients["acme-insurance"].vpc_id
  private_subnet_ids = var.clients["acme-insurance"].private_subnet_ids
  public_subnet_ids  = var.clients["acme-insurance"].public_subnet_ids
  certificate_arn    = var.clients["acme-insurance"].certificate_arn
  domain_name        = var.clients["acme-insurance"].domain_name
  image_registry     = var.image_registry
  image_tag          = var.clients["acme-insurance"].image_tag
  tags = {
    client = "acme-insurance"
  }
}

module "contoso_health" {
  source = "./modules/ecs-platform"

  name               = "claims-portal-contoso-health"
  region             = var.region
  vpc_id             = var.clients["contoso-health"].vpc_id
  private_subnet_ids = var.clients["contoso-health"].private_subnet_ids
  public_subnet_ids  = var.clients["contoso-health"].public_subnet_ids
  certificate_arn    = var.clients["contoso-health"].certificate_arn
  domain_name        = var.clients["contoso-health"].domain_name
  image_registry     = var.image_registry
  image_tag          = var.clients["contoso-health"].image_tag
  tags = {
    client = "contoso-health"
  }
}

module "northwind_mutual" {
  source = "./modules/ecs-platform"

  name               = "claims-portal-northwind-mutual"
  region             = var.region
  vpc_id             = var.clients["northwind-mutual"].vpc_id
  private_subnet_ids = var.clients["northwind-mutual"].private_subnet_ids
  public_subnet_ids  = var.clients["northwind-mutual"].public_subnet_ids
  certificate_arn    = var.clients["northwind-mutual"].certificate_arn
  domain_name        = var.clients["northwind-mutual"].domain_name
  image_registry     = var.image_registry
  image_tag          = var.clients["northwind-mutual"].image_tag
  tags = {
    client = "northwind-mutual"
  }
}
