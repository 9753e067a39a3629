region        = "eu-central-1"
environment   = "staging"
api_cpu       = 1024
api_memory    = 2048
api_max_tasks = 10
