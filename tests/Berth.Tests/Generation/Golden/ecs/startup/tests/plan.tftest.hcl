# A plan against a mocked AWS provider: no credentials needed. Run: terraform init && terraform test
# Mocked data sources return values the provider's own validation accepts (a policy must be JSON).
mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

  mock_data "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mock-AbCdEf"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000"
    }
  }
}

variables {
  image_registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
  clients = {
    invoicing = {
      vpc_id             = "vpc-0123456789abcdef0"
      private_subnet_ids = ["subnet-0a000000000000001", "subnet-0a000000000000002"]
      public_subnet_ids  = ["subnet-0b000000000000001", "subnet-0b000000000000002"]
      certificate_arn    = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
      domain_name        = "invoicing.example.com"
      image_tag          = "1.0.0"
    }
  }
}

run "services_deploy_safely" {
  command = plan

  assert {
    condition     = length(values(module.platform.services)) == 5
    error_message = "invoicing: every service of the spec is planned."
  }

  assert {
    condition     = alltrue([for s in values(module.platform.services) : s.circuit_breaker_rollback])
    error_message = "invoicing: deployments roll back when the circuit breaker trips."
  }

  assert {
    condition     = alltrue([for s in values(module.platform.services) : s.assign_public_ip == false])
    error_message = "invoicing: tasks get no public IP."
  }

  assert {
    condition     = alltrue([for s in values(module.platform.services) : s.minimum_healthy_percent == 100 && s.maximum_percent == 200])
    error_message = "invoicing: rolling deployments keep full capacity."
  }

  assert {
    condition     = alltrue([for s in values(module.platform.services) : s.enable_execute_command])
    error_message = "invoicing: ECS Exec is enabled for debugging."
  }

  assert {
    condition     = length(module.platform.queue_scaling) == 0
    error_message = "invoicing: every SQS consumer that autoscales tracks its backlog per task."
  }
}
