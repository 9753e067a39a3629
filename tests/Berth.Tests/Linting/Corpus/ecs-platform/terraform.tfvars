environment = "production"
clients = [
  { name = "acme", image_tag = "1.4.2", cpu = 512, memory = 1024, replicas = 2 },
  { name = "globex", image_tag = "1.4.2", cpu = 1024, memory = 3072, replicas = 3 },
]
admin_cidrs = ["10.0.0.0/8"]
