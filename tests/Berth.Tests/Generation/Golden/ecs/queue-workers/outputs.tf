output "platform" {
  description = "The order-pipeline platform: cluster, load balancer, discovery namespace and service settings."
  value = {
    cluster_name                = module.platform.cluster_name
    load_balancer_dns_name      = module.platform.load_balancer_dns_name
    service_discovery_namespace = module.platform.service_discovery_namespace
    services                    = module.platform.services
  }
}
