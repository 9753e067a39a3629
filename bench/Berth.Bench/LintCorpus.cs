using System.Globalization;
using System.Text;

namespace Berth.Bench;

/// <summary>
/// A deterministic, seeded corpus of ECS and EKS platforms as people write them: root modules with tfvars,
/// locals, for_each over maps, dynamic blocks, a local module called once per service, container definitions from
/// jsonencode(...) and from heredoc JSON, security groups, IAM, autoscaling, EKS clusters, node groups, add-ons and
/// access entries. Issue 7's performance target is stated on 10,000 such files (~1.8M lines). Since issue 19 each
/// platform also calls a registry module laid out as <c>terraform init</c> leaves it (<c>.terraform/modules/modules.json</c>
/// and the module's files under <c>.terraform/modules</c>) and feeds a task definition or add-ons from module outputs
/// typed with <c>optional()</c>.
/// </summary>
public static class LintCorpus
{
    /// <summary>Files per platform: 17 in the root and 3 in its local module.</summary>
    public const int FilesPerPlatform = 20;

    public sealed record Stats(int Files, long Lines, long Bytes);

    /// <summary>Writes <paramref name="files"/> .tf files (rounded up to whole platforms) under <paramref name="root"/>.</summary>
    public static Stats Write(string root, int files, int seed)
    {
        Directory.CreateDirectory(root);
        var platforms = (files + FilesPerPlatform - 1) / FilesPerPlatform;
        int count = 0;
        long lines = 0, bytes = 0;
        for (var p = 0; p < platforms; p++)
        {
            // One Random per platform: a platform's files do not depend on how many platforms came before.
            var rng = new Random(unchecked((seed * 7919) + p));
            var name = (p % 2 == 0 ? "ecs-" : "eks-") + p.ToString("D4", CultureInfo.InvariantCulture);
            var dir = Path.Combine(root, "platforms", name);
            var generated = p % 2 == 0 ? new EcsPlatform(rng, name).Files() : new EksPlatform(rng, name).Files();
            foreach (var (path, text) in generated)
            {
                var full = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
                if (path.EndsWith(".tf", StringComparison.Ordinal))
                {
                    count++;
                    lines += text.Count(c => c == '\n');
                    bytes += Encoding.UTF8.GetByteCount(text);
                }
            }
        }

        return new Stats(count, lines, bytes);
    }

    private abstract class Platform(Random rng, string name)
    {
        protected Random Rng { get; } = rng;

        protected string Name { get; } = name;

        protected int Counter { get; set; }

        public abstract IEnumerable<(string Path, string Text)> Files();

        /// <summary>Each file holds a realistic mix of blocks, 100–200 lines and more (a block is not cut).</summary>
        protected string Fill(Action<StringBuilder> unit)
        {
            var sb = new StringBuilder();
            var target = Rng.Next(100, 201);
            while (Lines(sb) < target)
            {
                unit(sb);
                sb.Append('\n');
            }

            return sb.ToString();
        }

        protected static int Lines(StringBuilder sb)
        {
            var n = 0;
            foreach (var chunk in sb.GetChunks())
            {
                n += chunk.Span.Count('\n');
            }

            return n;
        }

        protected string Next(string prefix) => prefix + "_" + (++Counter).ToString(CultureInfo.InvariantCulture);

        protected string Pick(params string[] options) => options[Rng.Next(options.Length)];

        protected string Versions() => $$"""
            terraform {
              required_version = ">= 1.6"
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = ">= 5.95, < 7.0"
                }
                kubernetes = {
                  source  = "hashicorp/kubernetes"
                  version = "~> 2.36"
                }
              }

              backend "s3" {
                bucket         = "acme-terraform-state"
                key            = "platforms/{{Name}}/terraform.tfstate"
                region         = "eu-west-1"
                dynamodb_table = "terraform-locks"
                encrypt        = true
              }
            }

            provider "aws" {
              region = var.region

              default_tags {
                tags = {
                  Platform  = "{{Name}}"
                  ManagedBy = "terraform"
                }
              }
            }

            """ + Fill(sb => Variable(sb));

        protected void Variable(StringBuilder sb)
        {
            var name = Next("setting");
            switch (Rng.Next(4))
            {
                case 0:
                    sb.Append(CultureInfo.InvariantCulture, $$"""
                        variable "{{name}}" {
                          description = "Tuning knob {{name}} for {{Name}}."
                          type        = number
                          default     = {{Rng.Next(1, 500)}}

                          validation {
                            condition     = var.{{name}} > 0
                            error_message = "{{name}} must be positive."
                          }
                        }

                        """);
                    break;
                case 1:
                    sb.Append(CultureInfo.InvariantCulture, $$"""
                        variable "{{name}}" {
                          description = "Feature flag {{name}}."
                          type        = bool
                          default     = {{(Rng.Next(2) == 0 ? "true" : "false")}}
                        }

                        """);
                    break;
                case 2:
                    sb.Append(CultureInfo.InvariantCulture, $$"""
                        variable "{{name}}" {
                          type = map(string)
                          default = {
                            owner       = "team-{{Rng.Next(1, 40)}}"
                            cost_center = "cc-{{Rng.Next(1000, 9999)}}"
                            tier        = "{{Pick("gold", "silver", "bronze")}}"
                          }
                        }

                        """);
                    break;
                default:
                    sb.Append(CultureInfo.InvariantCulture, $$"""
                        variable "{{name}}" {
                          description = "CIDRs allowed to reach {{name}}."
                          type        = list(string)
                          default     = ["10.{{Rng.Next(0, 255)}}.0.0/16", "10.{{Rng.Next(0, 255)}}.0.0/16"]
                        }

                        """);
                    break;
            }
        }

        protected void Output(StringBuilder sb, string value)
        {
            var name = Next("out");
            sb.Append(CultureInfo.InvariantCulture, $$"""
                output "{{name}}" {
                  description = "Exported for dependent stacks."
                  value       = {{value}}
                }

                """);
        }

        protected void Network(StringBuilder sb)
        {
            var sg = Next("sg");
            var port = Pick("443", "8080", "5432", "6379", "9090");
            sb.Append(CultureInfo.InvariantCulture, $$"""
                resource "aws_security_group" "{{sg}}" {
                  name        = "${local.name}-{{sg}}"
                  description = "Traffic for {{sg}}"
                  vpc_id      = var.vpc_id

                  ingress {
                    description     = "From the load balancer"
                    from_port       = {{port}}
                    to_port         = {{port}}
                    protocol        = "tcp"
                    security_groups = [aws_security_group.alb.id]
                  }

                  dynamic "ingress" {
                    for_each = var.admin_cidrs
                    content {
                      description = "Admin access from ${ingress.value}"
                      from_port   = {{port}}
                      to_port     = {{port}}
                      protocol    = "tcp"
                      cidr_blocks = [ingress.value]
                    }
                  }

                  egress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = [var.vpc_cidr]
                  }

                  tags = merge(local.tags, { Name = "${local.name}-{{sg}}" })
                }

                resource "aws_vpc_security_group_ingress_rule" "{{sg}}_vpc" {
                  security_group_id = aws_security_group.{{sg}}.id
                  cidr_ipv4         = var.vpc_cidr
                  from_port         = {{port}}
                  to_port           = {{port}}
                  ip_protocol       = "tcp"
                }

                """);
        }

        protected void Iam(StringBuilder sb, string service)
        {
            var role = Next("role");
            sb.Append(CultureInfo.InvariantCulture, $$"""
                data "aws_iam_policy_document" "{{role}}_assume" {
                  statement {
                    actions = ["sts:AssumeRole"]
                    principals {
                      type        = "Service"
                      identifiers = ["{{service}}"]
                    }
                  }
                }

                resource "aws_iam_role" "{{role}}" {
                  name               = "${local.name}-{{role}}"
                  assume_role_policy = data.aws_iam_policy_document.{{role}}_assume.json
                  tags               = local.tags
                }

                resource "aws_iam_role_policy" "{{role}}" {
                  name = "{{role}}"
                  role = aws_iam_role.{{role}}.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      {
                        Effect   = "Allow"
                        Action   = ["s3:GetObject", "s3:ListBucket"]
                        Resource = ["arn:aws:s3:::${local.name}-data", "arn:aws:s3:::${local.name}-data/*"]
                      },
                      {
                        Effect   = "Allow"
                        Action   = ["kms:Decrypt"]
                        Resource = [aws_kms_key.main.arn]
                      },
                    ]
                  })
                }

                """);
        }
    }

    private sealed class EcsPlatform(Random rng, string name) : Platform(rng, name)
    {
        public override IEnumerable<(string Path, string Text)> Files()
        {
            var services = Enumerable.Range(1, Rng.Next(4, 9)).Select(i => "svc" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            yield return ("versions.tf", Versions());
            yield return ("variables.tf", RootVariables() + Fill(Variable));
            yield return ("locals.tf", Locals(services) + Fill(sb => Output(sb, "local.name")));
            yield return ("cluster.tf", Cluster() + Fill(sb => Iam(sb, "ecs-tasks.amazonaws.com")));
            yield return ("network.tf", Alb() + Fill(Network));
            yield return ("iam.tf", Fill(sb => Iam(sb, "ecs-tasks.amazonaws.com")));
            yield return ("services.tf", ServicesModule() + Fill(RootTask));
            for (var i = 1; i <= 6; i++)
            {
                yield return ("tasks-" + i.ToString("D2", CultureInfo.InvariantCulture) + ".tf", Fill(RootTask));
            }

            yield return ("registry.tf", RegistryCalls() + Fill(RootTask));
            yield return ("modules/container/outputs.tf", ContainerModule());
            yield return (".terraform/modules/modules.json", """{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"service","Source":"./modules/service","Dir":"modules/service"},{"Key":"container","Source":"./modules/container","Dir":"modules/container"},{"Key":"queue_worker","Source":"registry.terraform.io/terraform-aws-modules/ecs/aws//modules/service","Version":"5.11.4","Dir":".terraform/modules/queue_worker/modules/service"}]}""");
            yield return (".terraform/modules/queue_worker/modules/service/main.tf", RegistryServiceModule() + Fill(Network));

            yield return ("outputs.tf", Fill(sb => Output(sb, Pick("aws_ecs_cluster.this.arn", "aws_lb.main.dns_name", "module.service[\"svc1\"]", "local.tags"))));
            yield return ("modules/service/main.tf", ServiceModuleMain() + Fill(Network));
            yield return ("modules/service/variables.tf", ModuleVariables() + Fill(Variable));
            yield return ("modules/service/outputs.tf", Fill(sb => Output(sb, "aws_ecs_service.this.id")));
            yield return ("terraform.tfvars", $$"""
                environment        = "{{Pick("production", "staging", "dev")}}"
                container_insights = {{(Rng.Next(4) == 0 ? "false" : "true")}}
                vpc_cidr           = "10.{{Rng.Next(0, 255)}}.0.0/16"
                admin_cidrs        = ["10.{{Rng.Next(0, 255)}}.0.0/24"]

                """);
        }

        private static string RootVariables() => """
            variable "region" {
              type    = string
              default = "eu-west-1"
            }

            variable "environment" {
              type = string
            }

            variable "vpc_id" {
              type    = string
              default = "vpc-0123456789abcdef0"
            }

            variable "vpc_cidr" {
              type = string
            }

            variable "private_subnet_ids" {
              type    = list(string)
              default = ["subnet-a", "subnet-b", "subnet-c"]
            }

            variable "admin_cidrs" {
              type    = list(string)
              default = []
            }

            variable "container_insights" {
              type    = bool
              default = true
            }

            variable "registry" {
              type    = string
              default = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
            }

            """;

        private string Locals(List<string> services)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $$"""
                locals {
                  name = "{{Name}}-${var.environment}"
                  tags = {
                    Environment = var.environment
                    Platform    = "{{Name}}"
                  }
                  production = var.environment == "production"
                  services = {

                """);
            foreach (var s in services)
            {
                var (cpu, memory) = Pick("256/512", "512/1024", "1024/2048", "2048/4096").Split('/') is [var c, var m] ? (c, m) : ("256", "512");
                sb.Append(CultureInfo.InvariantCulture, $$"""
                        {{s}} = { cpu = {{cpu}}, memory = {{memory}}, replicas = {{Rng.Next(2, 12)}}, port = {{Pick("8080", "3000", "9000")}}, image_tag = "v{{Rng.Next(1, 9)}}.{{Rng.Next(0, 30)}}.{{Rng.Next(0, 9)}}", worker = {{(Rng.Next(3) == 0 ? "true" : "false")}} }

                    """);
            }

            sb.Append("""
                  }
                  api_services = { for k, v in local.services : k => v if !v.worker }
                }

                """);
            return sb.ToString();
        }

        private static string Cluster() => """
            resource "aws_kms_key" "main" {
              description         = "ECS Exec and logs for ${local.name}"
              enable_key_rotation = true
            }

            resource "aws_cloudwatch_log_group" "exec" {
              name              = "/ecs/${local.name}/exec"
              retention_in_days = 30
              kms_key_id        = aws_kms_key.main.arn
            }

            resource "aws_ecs_cluster" "this" {
              name = local.name

              setting {
                name  = "containerInsights"
                value = var.container_insights ? "enhanced" : "disabled"
              }

              configuration {
                execute_command_configuration {
                  kms_key_id = aws_kms_key.main.arn
                  logging    = "OVERRIDE"
                  log_configuration {
                    cloud_watch_encryption_enabled = true
                    cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
                  }
                }
              }

              tags = local.tags
            }

            resource "aws_ecs_cluster_capacity_providers" "this" {
              cluster_name       = aws_ecs_cluster.this.name
              capacity_providers = ["FARGATE", "FARGATE_SPOT"]

              default_capacity_provider_strategy {
                capacity_provider = "FARGATE"
                base              = 1
                weight            = 100
              }
            }

            """;

        private static string Alb() => """
            resource "aws_security_group" "alb" {
              name   = "${local.name}-alb"
              vpc_id = var.vpc_id

              ingress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }

            resource "aws_lb" "main" {
              name               = local.name
              load_balancer_type = "application"
              security_groups    = [aws_security_group.alb.id]
              subnets            = var.private_subnet_ids
            }

            """;

        /// <summary>A registry service module (the shape of terraform-aws-modules/ecs//modules/service) and a container module whose output is encoded.</summary>
        private string RegistryCalls() => $$"""
            module "queue_worker" {
              source  = "terraform-aws-modules/ecs/aws//modules/service"
              version = "~> 5.11"

              name        = "${local.name}-queue-worker"
              cluster_arn = aws_ecs_cluster.this.arn
              cpu         = {{Pick("512", "1024", "2048")}}
              memory      = {{Pick("1024", "2048", "4096")}}
              container_definitions = {
                worker = { image = "${var.registry}/queue-worker:{{Rng.Next(1, 9)}}.{{Rng.Next(0, 20)}}.0", user = "1000" }
              }
            }

            module "container" {
              source   = "./modules/container"
              for_each = local.services
              name     = each.key
              image    = "${var.registry}/${each.key}:${each.value.image_tag}"
            }

            resource "aws_ecs_task_definition" "from_module" {
              family                   = "${local.name}-bundle"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = 1024
              memory                   = 2048
              container_definitions    = jsonencode([for k, c in module.container : c.definition])
            }

            """;

        private static string ContainerModule() => """
            variable "name" {
              type = string
            }

            variable "image" {
              type = string
            }

            variable "settings" {
              type = object({
                cpu         = optional(number, 256)
                memory      = optional(number, 512)
                stopTimeout = optional(number, 120)
                readonly    = optional(bool, true)
              })
              default = {}
            }

            output "definition" {
              value = {
                name                   = var.name
                image                  = var.image
                user                   = "1000"
                cpu                    = var.settings.cpu
                memory                 = var.settings.memory
                essential              = true
                stopTimeout            = var.settings.stopTimeout
                readonlyRootFilesystem = var.settings.readonly
                logConfiguration = {
                  logDriver = "awslogs"
                  options   = { awslogs-group = "/ecs/${var.name}", awslogs-region = "eu-west-1", awslogs-stream-prefix = var.name }
                }
              }
            }

            """;

        private static string RegistryServiceModule() => """
            variable "name" {
              type = string
            }

            variable "cluster_arn" {
              type = string
            }

            variable "cpu" {
              type    = number
              default = 1024
            }

            variable "memory" {
              type    = number
              default = 2048
            }

            variable "container_definitions" {
              type = map(object({
                image       = string
                user        = optional(string)
                essential   = optional(bool, true)
                stopTimeout = optional(number, 120)
              }))
              default = {}
            }

            resource "aws_ecs_task_definition" "this" {
              family                   = var.name
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = var.cpu
              memory                   = var.memory
              container_definitions    = jsonencode([for k, v in var.container_definitions : merge(v, { name = k })])
            }

            resource "aws_ecs_service" "this" {
              name            = var.name
              cluster         = var.cluster_arn
              task_definition = aws_ecs_task_definition.this.arn
              desired_count   = 2

              deployment_circuit_breaker {
                enable   = true
                rollback = true
              }

              capacity_provider_strategy {
                capacity_provider = "FARGATE_SPOT"
                weight            = 100
              }
            }

            """;

        private static string ServicesModule() => """
            module "service" {
              source   = "./modules/service"
              for_each = local.services

              name          = "${local.name}-${each.key}"
              cluster_arn   = aws_ecs_cluster.this.arn
              image         = "${var.registry}/${each.key}:${each.value.image_tag}"
              cpu           = each.value.cpu
              memory        = each.value.memory
              desired_count = each.value.replicas
              port          = each.value.port
              subnet_ids    = var.private_subnet_ids
              spot          = !local.production || each.value.worker
              vpc_id        = var.vpc_id
              vpc_cidr      = var.vpc_cidr
              admin_cidrs   = var.admin_cidrs
              tags          = local.tags
            }

            """;

        private static string ModuleVariables() => """
            variable "name" {
              type = string
            }

            variable "cluster_arn" {
              type = string
            }

            variable "image" {
              type = string
            }

            variable "cpu" {
              type = number
            }

            variable "memory" {
              type = number
            }

            variable "desired_count" {
              type    = number
              default = 2
            }

            variable "port" {
              type    = number
              default = 8080
            }

            variable "subnet_ids" {
              type = list(string)
            }

            variable "spot" {
              type    = bool
              default = false
            }

            variable "vpc_id" {
              type = string
            }

            variable "vpc_cidr" {
              type = string
            }

            variable "admin_cidrs" {
              type    = list(string)
              default = []
            }

            variable "tags" {
              type    = map(string)
              default = {}
            }

            variable "environment" {
              type    = map(string)
              default = { LOG_LEVEL = "info" }
            }

            """;

        private static string ServiceModuleMain() => """
            locals {
              name = var.name
              tags = var.tags
              strategy = var.spot ? [
                { provider = "FARGATE", base = 1, weight = 20 },
                { provider = "FARGATE_SPOT", base = 0, weight = 80 },
              ] : [{ provider = "FARGATE", base = 1, weight = 100 }]
            }

            resource "aws_security_group" "alb" {
              name   = "${var.name}-alb-peer"
              vpc_id = var.vpc_id
            }

            resource "aws_kms_key" "main" {
              description         = "Secrets for ${var.name}"
              enable_key_rotation = true
            }

            resource "aws_iam_role" "execution" {
              name               = "${var.name}-execution"
              assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
            }

            resource "aws_iam_role" "task" {
              name               = "${var.name}-task"
              assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
            }

            resource "aws_ecs_task_definition" "this" {
              family                   = var.name
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = var.cpu
              memory                   = var.memory
              execution_role_arn       = aws_iam_role.execution.arn
              task_role_arn            = aws_iam_role.task.arn

              container_definitions = jsonencode([
                {
                  name                   = "app"
                  image                  = var.image
                  essential              = true
                  readonlyRootFilesystem = true
                  stopTimeout            = 120
                  portMappings           = [{ containerPort = var.port, protocol = "tcp" }]
                  environment            = [for k, v in var.environment : { name = k, value = v }]
                  healthCheck = {
                    command  = ["CMD-SHELL", "curl -f http://localhost:${var.port}/health || exit 1"]
                    interval = 30
                    retries  = 3
                  }
                  logConfiguration = {
                    logDriver = "awslogs"
                    options = {
                      "awslogs-group"         = "/ecs/${var.name}"
                      "awslogs-region"        = "eu-west-1"
                      "awslogs-stream-prefix" = "app"
                    }
                  }
                },
              ])
            }

            resource "aws_ecs_service" "this" {
              name                   = var.name
              cluster                = var.cluster_arn
              task_definition        = aws_ecs_task_definition.this.arn
              desired_count          = var.desired_count
              enable_execute_command = true

              dynamic "capacity_provider_strategy" {
                for_each = local.strategy
                content {
                  capacity_provider = capacity_provider_strategy.value.provider
                  base              = capacity_provider_strategy.value.base
                  weight            = capacity_provider_strategy.value.weight
                }
              }

              network_configuration {
                subnets          = var.subnet_ids
                assign_public_ip = false
              }

              deployment_circuit_breaker {
                enable   = true
                rollback = true
              }

              lifecycle {
                ignore_changes = [desired_count]
              }
            }

            resource "aws_appautoscaling_target" "this" {
              service_namespace  = "ecs"
              resource_id        = "service/${var.name}/${var.name}"
              scalable_dimension = "ecs:service:DesiredCount"
              min_capacity       = 2
              max_capacity       = max(var.desired_count * 4, 4)
            }

            resource "aws_appautoscaling_policy" "cpu" {
              name               = "${var.name}-cpu"
              policy_type        = "TargetTrackingScaling"
              resource_id        = aws_appautoscaling_target.this.resource_id
              scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
              service_namespace  = aws_appautoscaling_target.this.service_namespace

              target_tracking_scaling_policy_configuration {
                target_value = 60
                predefined_metric_specification {
                  predefined_metric_type = "ECSServiceAverageCPUUtilization"
                }
              }
            }

            """;

        /// <summary>A task definition and its service in the root: jsonencode or heredoc JSON, some with mistakes.</summary>
        private void RootTask(StringBuilder sb)
        {
            var task = Next("task");
            var cpu = Pick("256", "512", "1024", "2048");
            var memory = cpu switch { "256" => "512", "512" => "1024", "1024" => "2048", _ => "4096" };
            var logGroup = "/ecs/${local.name}/" + task;
            if (Rng.Next(3) == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $$"""
                    resource "aws_ecs_task_definition" "{{task}}" {
                      family                   = "${local.name}-{{task}}"
                      requires_compatibilities = ["FARGATE"]
                      network_mode             = "awsvpc"
                      cpu                      = {{cpu}}
                      memory                   = {{memory}}
                      execution_role_arn       = aws_iam_role.execution.arn
                      task_role_arn            = aws_iam_role.task.arn

                      container_definitions = <<-JSON
                        [
                          {
                            "name": "{{task}}",
                            "image": "${var.registry}/{{task}}:1.{{Rng.Next(0, 40)}}.0",
                            "essential": true,
                            "readonlyRootFilesystem": {{(Rng.Next(5) == 0 ? "false" : "true")}},
                            "portMappings": [{ "containerPort": 8080, "protocol": "tcp" }],
                            "environment": [
                              { "name": "LOG_LEVEL", "value": "info" },
                              { "name": "REGION", "value": "${var.region}" }
                            ],
                            "healthCheck": {
                              "command": ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"],
                              "interval": 30,
                              "retries": 3
                            },
                            "logConfiguration": {
                              "logDriver": "awslogs",
                              "options": {
                                "awslogs-group": "{{logGroup}}",
                                "awslogs-region": "${var.region}",
                                "awslogs-stream-prefix": "{{task}}"
                              }
                            }
                          }
                        ]
                      JSON
                    }

                    """);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $$"""
                    resource "aws_ecs_task_definition" "{{task}}" {
                      family                   = "${local.name}-{{task}}"
                      requires_compatibilities = ["FARGATE"]
                      network_mode             = "awsvpc"
                      cpu                      = {{cpu}}
                      memory                   = {{memory}}
                      execution_role_arn       = aws_iam_role.execution.arn
                      task_role_arn            = aws_iam_role.task.arn

                      runtime_platform {
                        operating_system_family = "LINUX"
                        cpu_architecture        = "{{Pick("ARM64", "X86_64")}}"
                      }

                      container_definitions = jsonencode([
                        {
                          name                   = "{{task}}"
                          image                  = "${var.registry}/{{task}}:1.{{Rng.Next(0, 40)}}.0"
                          essential              = true
                          readonlyRootFilesystem = true
                          stopTimeout            = 120
                          portMappings           = [{ containerPort = 8080, protocol = "tcp" }]
                          environment = [
                            for k, v in merge(local.tags, { LOG_LEVEL = "info" }) : { name = k, value = tostring(v) }
                          ]
                          secrets = [
                            { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:{{task}}" },
                          ]
                          healthCheck = {
                            command  = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]
                            interval = 30
                            retries  = 3
                          }
                          logConfiguration = {
                            logDriver = "awslogs"
                            options = {
                              "awslogs-group"         = "{{logGroup}}"
                              "awslogs-region"        = var.region
                              "awslogs-stream-prefix" = "{{task}}"
                            }
                          }
                        },
                      ])
                    }

                    """);
            }

            sb.Append(CultureInfo.InvariantCulture, $$"""
                resource "aws_ecs_service" "{{task}}" {
                  name            = "{{task}}"
                  cluster         = aws_ecs_cluster.this.id
                  task_definition = aws_ecs_task_definition.{{task}}.arn
                  desired_count   = {{Rng.Next(2, 6)}}
                  launch_type     = "FARGATE"

                  network_configuration {
                    subnets          = var.private_subnet_ids
                    security_groups  = [aws_security_group.alb.id]
                    assign_public_ip = false
                  }

                  deployment_circuit_breaker {
                    enable   = true
                    rollback = {{(Rng.Next(6) == 0 ? "false" : "true")}}
                  }
                }

                """);
        }
    }

    private sealed class EksPlatform(Random rng, string name) : Platform(rng, name)
    {
        public override IEnumerable<(string Path, string Text)> Files()
        {
            yield return ("versions.tf", Versions());
            yield return ("variables.tf", RootVariables() + Fill(Variable));
            yield return ("locals.tf", Locals() + Fill(sb => Output(sb, "local.name")));
            yield return ("cluster.tf", Cluster() + Fill(sb => Iam(sb, "eks.amazonaws.com")));
            yield return ("addons.tf", Addons() + Fill(Access));
            yield return ("access.tf", Fill(Access));
            yield return ("network.tf", Fill(Network));
            yield return ("iam.tf", Fill(sb => Iam(sb, "pods.eks.amazonaws.com")));
            yield return ("nodegroups.tf", NodeGroupsModule() + Fill(NodeGroup));
            for (var i = 1; i <= 6; i++)
            {
                yield return ("nodegroups-" + i.ToString("D2", CultureInfo.InvariantCulture) + ".tf", Fill(NodeGroup));
            }

            yield return ("registry.tf", RegistryCalls() + Fill(Access));
            yield return (".terraform/modules/modules.json", """{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"nodegroup","Source":"./modules/nodegroup","Dir":"modules/nodegroup"},{"Key":"eks_addons","Source":"registry.terraform.io/aws-ia/eks-blueprints-addons/aws","Version":"1.19.0","Dir":".terraform/modules/eks_addons"}]}""");
            yield return (".terraform/modules/eks_addons/main.tf", RegistryAddonsModule() + Fill(Access));

            yield return ("modules/nodegroup/main.tf", NodeGroupModuleMain() + Fill(NodeGroup));
            yield return ("modules/nodegroup/variables.tf", ModuleVariables() + Fill(Variable));
            yield return ("modules/nodegroup/outputs.tf", Fill(sb => Output(sb, "aws_eks_node_group.this.id")));
            yield return ("terraform.tfvars", $$"""
                environment        = "{{Pick("production", "staging", "dev")}}"
                kubernetes_version = "{{Pick("1.31", "1.32", "1.33")}}"
                vpc_cidr           = "10.{{Rng.Next(0, 255)}}.0.0/16"
                admin_cidrs        = ["10.{{Rng.Next(0, 255)}}.0.0/24"]

                """);
        }

        private static string RootVariables() => """
            variable "region" {
              type    = string
              default = "eu-west-1"
            }

            variable "environment" {
              type = string
            }

            variable "kubernetes_version" {
              type    = string
              default = "1.33"
            }

            variable "vpc_id" {
              type    = string
              default = "vpc-0123456789abcdef0"
            }

            variable "vpc_cidr" {
              type = string
            }

            variable "private_subnet_ids" {
              type    = list(string)
              default = ["subnet-a", "subnet-b", "subnet-c"]
            }

            variable "admin_cidrs" {
              type    = list(string)
              default = []
            }

            """;

        private string Locals() => $$"""
            locals {
              name = "{{Name}}-${var.environment}"
              tags = {
                Environment = var.environment
                Platform    = "{{Name}}"
              }
              addons = {
                vpc-cni                = "v1.19.5-eksbuild.1"
                coredns                = "v1.11.4-eksbuild.2"
                kube-proxy             = "v1.33.0-eksbuild.2"
                aws-ebs-csi-driver     = "v1.44.0-eksbuild.1"
                eks-pod-identity-agent = "v1.3.7-eksbuild.2"
              }
              node_groups = {
                system = { instance_types = ["m7g.large"], min = 2, max = 3, capacity = "ON_DEMAND", taints = [{ key = "CriticalAddonsOnly", value = "true", effect = "NO_SCHEDULE" }] }
                general = { instance_types = ["m7g.xlarge", "m6g.xlarge"], min = 2, max = {{Rng.Next(6, 30)}}, capacity = "ON_DEMAND", taints = [] }
                batch = { instance_types = ["c7g.2xlarge", "c6g.2xlarge"], min = 0, max = {{Rng.Next(6, 30)}}, capacity = "SPOT", taints = [{ key = "batch", value = "true", effect = "NO_SCHEDULE" }] }
              }
              log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
            }

            """;

        private static string Cluster() => """
            resource "aws_kms_key" "main" {
              description         = "EKS secrets for ${local.name}"
              enable_key_rotation = true
            }

            resource "aws_iam_role" "cluster" {
              name = "${local.name}-cluster"
              assume_role_policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Action    = ["sts:AssumeRole", "sts:TagSession"]
                  Principal = { Service = "eks.amazonaws.com" }
                }]
              })
            }

            resource "aws_eks_cluster" "this" {
              name                      = local.name
              version                   = var.kubernetes_version
              role_arn                  = aws_iam_role.cluster.arn
              enabled_cluster_log_types = local.log_types

              vpc_config {
                subnet_ids              = var.private_subnet_ids
                endpoint_private_access = true
                endpoint_public_access  = false
              }

              access_config {
                authentication_mode                         = "API"
                bootstrap_cluster_creator_admin_permissions = false
              }

              encryption_config {
                resources = ["secrets"]
                provider {
                  key_arn = aws_kms_key.main.arn
                }
              }

              tags = local.tags
            }

            """;

        private static string Addons() => """
            resource "aws_eks_addon" "this" {
              for_each = local.addons

              cluster_name                = aws_eks_cluster.this.name
              addon_name                  = each.key
              addon_version               = each.value
              resolve_conflicts_on_update = "OVERWRITE"
            }

            """;

        private void Access(StringBuilder sb)
        {
            var team = Next("team");
            sb.Append(CultureInfo.InvariantCulture, $$"""
                resource "aws_eks_access_entry" "{{team}}" {
                  cluster_name  = aws_eks_cluster.this.name
                  principal_arn = "arn:aws:iam::123456789012:role/{{team}}"
                  type          = "STANDARD"
                }

                resource "aws_eks_access_policy_association" "{{team}}" {
                  cluster_name  = aws_eks_cluster.this.name
                  principal_arn = aws_eks_access_entry.{{team}}.principal_arn
                  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKS{{Pick("Edit", "View", "Admin")}}Policy"

                  access_scope {
                    type       = "namespace"
                    namespaces = ["{{team}}", "{{team}}-jobs"]
                  }
                }

                resource "aws_eks_pod_identity_association" "{{team}}" {
                  cluster_name    = aws_eks_cluster.this.name
                  namespace       = "{{team}}"
                  service_account = "{{team}}-app"
                  role_arn        = aws_iam_role.cluster.arn
                }

                """);
        }

        /// <summary>A registry add-ons module (the shape of aws-ia/eks-blueprints-addons): a map of add-ons typed with optional().</summary>
        private string RegistryCalls() => $$"""
            module "eks_addons" {
              source  = "aws-ia/eks-blueprints-addons/aws"
              version = "~> 1.19"

              cluster_name = aws_eks_cluster.this.name
              eks_addons = {
                coredns                = { addon_version = "v1.11.{{Rng.Next(1, 5)}}-eksbuild.{{Rng.Next(1, 9)}}" }
                eks-pod-identity-agent = { addon_version = "v1.3.{{Rng.Next(1, 5)}}-eksbuild.1" }
                vpc-cni                = {}
              }
            }

            """;

        private static string RegistryAddonsModule() => """
            variable "cluster_name" {
              type = string
            }

            variable "eks_addons" {
              type = map(object({
                addon_version               = optional(string)
                resolve_conflicts_on_update = optional(string, "OVERWRITE")
                preserve                    = optional(bool, true)
              }))
              default = {}
            }

            resource "aws_eks_addon" "this" {
              for_each                    = var.eks_addons
              cluster_name                = var.cluster_name
              addon_name                  = try(each.value.name, each.key)
              addon_version               = each.value.addon_version
              resolve_conflicts_on_update = each.value.resolve_conflicts_on_update
              preserve                    = each.value.preserve
            }

            output "eks_addons" {
              value = { for k, v in aws_eks_addon.this : k => v.arn }
            }

            """;

        private static string NodeGroupsModule() => """
            module "node_group" {
              source   = "./modules/nodegroup"
              for_each = local.node_groups

              cluster_name   = aws_eks_cluster.this.name
              name           = each.key
              instance_types = each.value.instance_types
              capacity_type  = each.value.capacity
              min_size       = each.value.min
              max_size       = each.value.max
              taints         = each.value.taints
              subnet_ids     = var.private_subnet_ids
              tags           = local.tags
            }

            """;

        private static string ModuleVariables() => """
            variable "cluster_name" {
              type = string
            }

            variable "name" {
              type = string
            }

            variable "instance_types" {
              type = list(string)
            }

            variable "capacity_type" {
              type    = string
              default = "ON_DEMAND"
            }

            variable "min_size" {
              type = number
            }

            variable "max_size" {
              type = number
            }

            variable "taints" {
              type = list(object({ key = string, value = string, effect = string }))
            }

            variable "subnet_ids" {
              type = list(string)
            }

            variable "tags" {
              type    = map(string)
              default = {}
            }

            """;

        private static string NodeGroupModuleMain() => """
            locals {
              name = "${var.cluster_name}-${var.name}"
              tags = var.tags
            }

            resource "aws_iam_role" "node" {
              name = "${local.name}-node"
              assume_role_policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
              })
            }

            resource "aws_iam_role_policy_attachment" "node" {
              for_each = toset([
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
              ])
              role       = aws_iam_role.node.name
              policy_arn = each.value
            }

            resource "aws_eks_node_group" "this" {
              cluster_name    = var.cluster_name
              node_group_name = var.name
              node_role_arn   = aws_iam_role.node.arn
              subnet_ids      = var.subnet_ids
              instance_types  = var.instance_types
              capacity_type   = var.capacity_type

              scaling_config {
                desired_size = var.min_size
                min_size     = var.min_size
                max_size     = var.max_size
              }

              dynamic "taint" {
                for_each = var.taints
                content {
                  key    = taint.value.key
                  value  = taint.value.value
                  effect = taint.value.effect
                }
              }

              update_config {
                max_unavailable_percentage = 33
              }

              labels = { "node-group" = var.name }
              tags   = local.tags
            }

            resource "aws_security_group" "alb" {
              name   = "${local.name}-peer"
              vpc_id = "vpc-0123456789abcdef0"
            }

            resource "aws_kms_key" "main" {
              description         = "Volumes of ${local.name}"
              enable_key_rotation = true
            }

            variable "vpc_id" {
              type    = string
              default = "vpc-0123456789abcdef0"
            }

            variable "vpc_cidr" {
              type    = string
              default = "10.0.0.0/16"
            }

            variable "admin_cidrs" {
              type    = list(string)
              default = []
            }

            """;

        private void NodeGroup(StringBuilder sb)
        {
            var group = Next("ng");
            var spot = Rng.Next(3) == 0;
            sb.Append(CultureInfo.InvariantCulture, $$"""
                resource "aws_launch_template" "{{group}}" {
                  name_prefix = "${local.name}-{{group}}-"

                  metadata_options {
                    http_endpoint               = "enabled"
                    http_tokens                 = "required"
                    http_put_response_hop_limit = 1
                  }

                  block_device_mappings {
                    device_name = "/dev/xvda"
                    ebs {
                      volume_size = {{Pick("50", "80", "100")}}
                      volume_type = "gp3"
                      encrypted   = true
                      kms_key_id  = aws_kms_key.main.arn
                    }
                  }

                  tag_specifications {
                    resource_type = "instance"
                    tags          = merge(local.tags, { Name = "${local.name}-{{group}}" })
                  }
                }

                resource "aws_eks_node_group" "{{group}}" {
                  cluster_name    = aws_eks_cluster.this.name
                  node_group_name = "{{group}}"
                  node_role_arn   = aws_iam_role.cluster.arn
                  subnet_ids      = var.private_subnet_ids
                  instance_types  = {{(spot ? "[\"m7g.large\", \"m6g.large\", \"c7g.xlarge\"]" : "[\"m7g.large\"]")}}
                  capacity_type   = "{{(spot ? "SPOT" : "ON_DEMAND")}}"

                  launch_template {
                    id      = aws_launch_template.{{group}}.id
                    version = aws_launch_template.{{group}}.latest_version
                  }

                  scaling_config {
                    desired_size = {{Rng.Next(2, 4)}}
                    min_size     = 2
                    max_size     = {{Rng.Next(4, 20)}}
                  }

                  labels = {
                    workload = "{{group}}"
                    spot     = "{{(spot ? "true" : "false")}}"
                  }

                  lifecycle {
                    ignore_changes = [scaling_config[0].desired_size]
                  }
                }

                """);
        }
    }
}
