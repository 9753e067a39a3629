output "acme_insurance" {
  description = "The claims-portal-acme-insurance platform: cluster, load balancer, discovery namespace and service settings."
  value = {
    cluster_name                = module.acme_insurance.cluster_name
    load_balancer_dns_name      = module.acme_insurance.load_balancer_dns_name
    service_discovery_namespace = module.acme_insurance.service_discovery_namespace
    services                    = module.acme_insurance.services
  }
}

output "contoso_health" {
  description = "The claims-portal-contoso-health platform: cluster, load balancer, discovery namespace and service settings."
  value = {
    cluster_name                = module.contoso_health.cluster_name
    load_balancer_dns_name      = module.contoso_health.load_balancer_dns_name
    service_discovery_namespace = module.contoso_health.service_discovery_namespace
    services                    = module.contoso_health.services
  }
}

output "northwind_mutual" {
  description = "The claims-portal-northwind-mutual platform: cluster, load balancer, discovery namespace and service settings."
  value = {
    cluster_name                = module.northwind_mutual.cluster_name
    load_balancer_dns_name      = module.northwind_mutual.load_balancer_dns_name
    service_discovery_namespace = module.northwind_mutual.service_discovery_namespace
    services                    = module.northwind_mutual.services
  }
}
