using Berth.Generation.Hcl;
using Berth.Generation.Terraform;
using Berth.Planning;
using Berth.Spec;
using static Berth.Generation.Hcl.HclValue;
using static Berth.Generation.Terraform.TerraformBlocks;

namespace Berth.Generation.Ecs;

/// <summary>modules/ecs-platform: the whole platform of one spec, instantiated once per client (DOMAIN.md §4).</summary>
public static class EcsModule
{
    public const string Folder = "modules/ecs-platform";

    private const string Web = "{ for k, s in local.services : k => s if s.type == \"web\" }";
    private const string Backend = "{ for k, s in local.services : k => s if s.type == \"backend\" }";
    private const string Autoscaled = "{ for k, s in local.services : k => s if s.autoscaled }";
    private const string Fixed = "{ for k, s in local.services : k => s if !s.autoscaled }";
    private const string QueueDriven = "{ for k, s in local.services : k => s if s.autoscaled && s.queue_name != null }";
    private const string FromZero = "{ for k, s in local.services : k => s if s.autoscaled && s.start_from_zero != null }";
    private static readonly int[] AlbPorts = [443, 80];

    private const string AllServices = "merge(aws_ecs_service.fixed, aws_ecs_service.autoscaled)";

    public static IReadOnlyList<GeneratedFile> Files(BerthSpec spec, IReadOnlyList<EcsServiceView> plans) =>
    [
        new($"{Folder}/alb.tf", Alb()),
        new($"{Folder}/autoscaling.tf", Autoscaling(plans)),
        new($"{Folder}/cluster.tf", Cluster(spec)),
        new($"{Folder}/discovery.tf", Discovery()),
        new($"{Folder}/iam.tf", Iam(plans)),
        new($"{Folder}/locals.tf", Locals(plans)),
        new($"{Folder}/outputs.tf", Outputs()),
        new($"{Folder}/security.tf", Security()),
        new($"{Folder}/services.tf", Services(plans)),
        new($"{Folder}/variables.tf", Variables(spec)),
        new($"{Folder}/versions.tf", Versions(root: false)),
    ];

    private static string Variables(BerthSpec spec) => HclWriter.File(f =>
    {
        Variable(f, "name", "string", "Name of the platform instance: the cluster, log groups and roles are named after it.", v =>
            v.Block("validation", c => c
                .Expr("condition", "can(regex(\"^[a-z][a-z0-9-]{0,39}$\", var.name))")
                .Set("error_message", "name must be lower-case letters, digits and hyphens, at most 40 characters.")));
        Variable(f, "region", "string", "AWS region of the provider the root passes: the key policy, the task role ARNs and the log drivers name it.");
        Variable(f, "vpc_id", "string", "VPC the tasks, load balancer and service discovery namespace live in.");
        Variable(f, "private_subnet_ids", "list(string)", "Private subnets for the tasks (no public IPs).");
        Variable(f, "public_subnet_ids", "list(string)", "Public subnets for the application load balancer.");
        Variable(f, "certificate_arn", "string", "ACM certificate for the load balancer's HTTPS listener.");
        Variable(f, "domain_name", "string", "Web services answer at <service>.<domain_name>.");
        Variable(f, "image_registry", "string", "Registry holding one repository per service, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com.");
        Variable(f, "image_tag", "string", "Image tag every service of this instance runs.");
        Variable(f, "log_retention_days", "number", "Days CloudWatch keeps service, log-router and ECS Exec logs.", v =>
            v.Set("default", spec.Environment == DeploymentEnvironment.Production ? 90 : 30));
        Variable(f, "fluent_bit_image", "string", "FireLens log router image; pin a version or digest you have tested.", v =>
            v.Set("default", "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"));
        Variable(f, "tags", "map(string)", "Tags added to every resource that takes them.", v => v.Expr("default", "{}"));
    });

    private static string Locals(IReadOnlyList<EcsServiceView> plans) => HclWriter.File(f => f.Block("locals", l =>
    {
        l.Set("services", HclObject.Of(plans.Select(p => (p.Name, (HclValue)HclObject.Of(
            ("type", Str(p.TypeName)),
            ("cpu", Num(p.Size.CpuUnits)),
            ("memory", Num(p.Size.MemoryMiB)),
            ("cpu_architecture", Str(p.Spec.Arch == CpuArch.Arm64 ? "ARM64" : "X86_64")),
            ("port", p.Spec.Port is { } port ? Num(port) : Null),
            ("health_check_path", Str(p.Spec.HealthCheck)),
            ("desired_count", Num(p.Spec.MinReplicas)),
            ("autoscaled", Bool(p.Autoscaled)),
            ("min_capacity", Num(p.Spec.MinReplicas)),
            ("max_capacity", Num(p.Spec.MaxReplicas)),
            ("cpu_target", Num(p.Scaling?.CpuTarget ?? 70)),
            ("memory_target", Num(p.Scaling?.MemoryTarget ?? 75)),
            ("scale_out_cooldown", Num(p.Scaling?.ScaleOutCooldownSeconds ?? EcsScalingPlan.DefaultScaleOutCooldownSeconds)),
            ("scale_in_cooldown", Num(p.Scaling?.ScaleInCooldownSeconds ?? EcsScalingPlan.DefaultScaleInCooldownSeconds)),
            ("queue_name", p.Scaling?.Queue is { } q ? Str(q.QueueName) : Null),
            ("backlog_per_task", p.Scaling?.Queue is { } b ? Num(b.BacklogPerTask) : Null),
            ("start_from_zero", p.Scaling?.Queue?.FromZero is { } z ? HclObject.Of(
                ("messages", Num(z.Messages)),
                ("adjustment", Num(z.Adjustment)),
                ("cooldown", Num(z.CooldownSeconds))) : Null),
            ("ephemeral_storage_gib", p.EphemeralStorageGib is { } gib ? Num(gib) : Null),
            ("listener_priority", Num(p.ListenerPriority)),
            ("secret_names", Strings(p.SecretNames)),
            ("capacity_provider_strategy", List(p.Strategy.Select(c => (HclValue)HclObject.Of(
                ("capacity_provider", Str(c.Provider)),
                ("base", Num(c.Base)),
                ("weight", Num(c.Weight)))))))))));
        l.Blank();
        l.Comment("The ECS task-definition format, one list per service: the application and its FireLens log router.");
        l.Set("container_definitions", HclObject.Of(plans.Select(p => (p.Name, ContainerDefinitions.For(p)))));
    }));

    private static string Cluster(BerthSpec spec) => HclWriter.File(f =>
    {
        CurrentAccount(f);
        LogEncryptionKey.Write(f, "this", Expr("\"${var.name}: ECS Exec sessions and CloudWatch logs\""), "\"alias/${var.name}-ecs\"", "var.tags");
        LogEncryptionKey.LogGroup(f, "exec", "\"/ecs/${var.name}/exec\"", "this", tags: "var.tags");
        LogEncryptionKey.LogGroup(f, "firelens", "\"/ecs/${var.name}/firelens\"", "this", tags: "var.tags");
        LogEncryptionKey.LogGroup(f, "service", "\"/ecs/${var.name}/${each.key}\"", "this", forEach: "local.services", tags: "var.tags");
        f.Block("resource", "aws_ecs_cluster", "this", c => c
            .Expr("name", "var.name")
            .Block("setting", s => s.Set("name", "containerInsights").Set("value", "enabled"))
            .Block("configuration", cfg => cfg.Block("execute_command_configuration", e => e
                .Expr("kms_key_id", "aws_kms_key.this.arn")
                .Set("logging", "OVERRIDE")
                .Block("log_configuration", l => l
                    .Set("cloud_watch_encryption_enabled", true)
                    .Expr("cloud_watch_log_group_name", "aws_cloudwatch_log_group.exec.name"))))
            .Expr("tags", "var.tags"));
        f.Block("resource", "aws_ecs_cluster_capacity_providers", "this", c =>
        {
            c.Expr("cluster_name", "aws_ecs_cluster.this.name")
                .Set("capacity_providers", Strings([EcsSpec.Fargate, EcsSpec.FargateSpot]));
            foreach (var item in spec.Ecs.CapacityProviderStrategy)
            {
                c.Block("default_capacity_provider_strategy", d => d
                    .Set("capacity_provider", item.Provider)
                    .Set("base", item.Base)
                    .Set("weight", item.Weight));
            }
        });
    });

    private static string Iam(IReadOnlyList<EcsServiceView> plans) => HclWriter.File(f =>
    {
        var secretNames = plans.SelectMany(p => p.SecretNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        f.Comment("Secrets are looked up by name; each execution role may read only the secrets its service names.");
        f.Block("data", "aws_secretsmanager_secret", "this", d => d
            .Set("for_each", Call("toset", Strings(secretNames)))
            .Expr("name", "each.key"));
        IamRoles.TrustPolicy(f, "tasks", "ecs-tasks.amazonaws.com", ["sts:AssumeRole"], c => c
            .Set("test", "ArnLike")
            .Set("variable", "aws:SourceArn")
            .Set("values", List(Expr("\"arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:*\""))));
        IamRoles.Role(f, "execution", Expr("\"${var.name}-${each.key}-execution\""), "tasks", Expr("local.services"), "var.tags");
        IamRoles.Attach(f, "execution", "aws_iam_role.execution[each.key].name",
            "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\"", Expr("local.services"));
        f.Block("data", "aws_iam_policy_document", "secrets", d => d
            .Expr("for_each", "{ for k, s in local.services : k => s if length(s.secret_names) > 0 }")
            .Block("statement", s => s
                .Set("actions", Strings(["secretsmanager:GetSecretValue"]))
                .Expr("resources", "[for n in each.value.secret_names : data.aws_secretsmanager_secret.this[n].arn]")));
        IamRoles.InlinePolicy(f, "secrets", "read-own-secrets", "aws_iam_role.execution[each.key].id", "each.value.json", Expr("data.aws_iam_policy_document.secrets"));
        IamRoles.Role(f, "task", Expr("\"${var.name}-${each.key}-task\""), "tasks", Expr("local.services"), "var.tags");
        f.Block("data", "aws_iam_policy_document", "task", d => d
            .Expr("for_each", "local.services")
            .Block("statement", s => s
                .Set("sid", "EcsExec")
                .Set("actions", Strings(["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]))
                .Set("resources", Strings(["*"])))
            .Block("statement", s => s
                .Set("sid", "EcsExecEncryption")
                .Set("actions", Strings(["kms:Decrypt", "kms:GenerateDataKey"]))
                .Expr("resources", "[aws_kms_key.this.arn]"))
            .Block("statement", s => s
                .Set("sid", "FireLensWritesOwnLogs")
                .Set("actions", Strings(["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]))
                .Expr("resources", "[aws_cloudwatch_log_group.service[each.key].arn, \"${aws_cloudwatch_log_group.service[each.key].arn}:*\"]")));
        IamRoles.InlinePolicy(f, "task", "exec-and-logs", "aws_iam_role.task[each.key].id", "data.aws_iam_policy_document.task[each.key].json", Expr("local.services"));
    });

    private static string Alb() => HclWriter.File(f =>
    {
        f.Block("resource", "aws_lb", "this", b => b
            .Set("internal", false)
            .Set("load_balancer_type", "application")
            .Expr("security_groups", "[aws_security_group.alb.id]")
            .Expr("subnets", "var.public_subnet_ids")
            .Set("drop_invalid_header_fields", true)
            .Set("enable_deletion_protection", true)
            .Expr("tags", "merge(var.tags, { Name = var.name })"));
        f.Block("resource", "aws_lb_listener", "https", l => l
            .Expr("load_balancer_arn", "aws_lb.this.arn")
            .Set("port", 443)
            .Set("protocol", "HTTPS")
            .Set("ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06")
            .Expr("certificate_arn", "var.certificate_arn")
            .Block("default_action", a => a
                .Set("type", "fixed-response")
                .Block("fixed_response", r => r.Set("content_type", "text/plain").Set("message_body", "not found").Set("status_code", "404"))));
        f.Block("resource", "aws_lb_listener", "http", l => l
            .Expr("load_balancer_arn", "aws_lb.this.arn")
            .Set("port", 80)
            .Set("protocol", "HTTP")
            .Block("default_action", a => a
                .Set("type", "redirect")
                .Block("redirect", r => r.Set("port", "443").Set("protocol", "HTTPS").Set("status_code", "HTTP_301"))));
        f.Block("resource", "aws_lb_target_group", "web", t => t
            .Expr("for_each", Web)
            .Expr("port", "each.value.port")
            .Set("protocol", "HTTP")
            .Set("target_type", "ip")
            .Expr("vpc_id", "var.vpc_id")
            .Comment("Short: tasks drain quickly on deploys and on the two-minute Fargate Spot warning.")
            .Set("deregistration_delay", 30)
            .Block("health_check", h => h
                .Expr("path", "each.value.health_check_path")
                .Set("matcher", "200-399")
                .Set("interval", 15)
                .Set("timeout", 5)
                .Set("healthy_threshold", 2)
                .Set("unhealthy_threshold", 3))
            .Expr("tags", "merge(var.tags, { Name = \"${var.name}-${each.key}\" })"));
        f.Block("resource", "aws_lb_listener_rule", "web", r => r
            .Expr("for_each", Web)
            .Expr("listener_arn", "aws_lb_listener.https.arn")
            .Expr("priority", "each.value.listener_priority")
            .Block("action", a => a.Set("type", "forward").Expr("target_group_arn", "aws_lb_target_group.web[each.key].arn"))
            .Block("condition", c => c.Block("host_header", h => h.Expr("values", "[\"${each.key}.${var.domain_name}\"]"))));
    });

    private static string Discovery() => HclWriter.File(f =>
    {
        f.Block("resource", "aws_service_discovery_private_dns_namespace", "this", n => n
            .Expr("name", "\"${var.name}.internal\"")
            .Expr("vpc", "var.vpc_id")
            .Expr("tags", "var.tags"));
        f.Block("resource", "aws_service_discovery_service", "backend", s => s
            .Expr("for_each", Backend)
            .Expr("name", "each.key")
            .Block("dns_config", d => d
                .Expr("namespace_id", "aws_service_discovery_private_dns_namespace.this.id")
                .Set("routing_policy", "MULTIVALUE")
                .Block("dns_records", r => r.Set("ttl", 10).Set("type", "A")))
            .Expr("tags", "var.tags"));
    });

    private static string Security() => HclWriter.File(f =>
    {
        f.Block("resource", "aws_security_group", "alb", g => g
            .Expr("name", "\"${var.name}-alb\"")
            .Set("description", "Application load balancer: HTTPS from anywhere, HTTP only to redirect")
            .Expr("vpc_id", "var.vpc_id")
            .Expr("tags", "var.tags"));
        foreach (var port in AlbPorts)
        {
            f.Block("resource", "aws_vpc_security_group_ingress_rule", $"alb_{port}", r => r
                .Expr("security_group_id", "aws_security_group.alb.id")
                .Set("cidr_ipv4", "0.0.0.0/0")
                .Set("from_port", port)
                .Set("to_port", port)
                .Set("ip_protocol", "tcp"));
        }

        f.Block("resource", "aws_vpc_security_group_egress_rule", "alb_to_web", r => r
            .Expr("for_each", Web)
            .Expr("security_group_id", "aws_security_group.alb.id")
            .Expr("referenced_security_group_id", "aws_security_group.service[each.key].id")
            .Expr("from_port", "each.value.port")
            .Expr("to_port", "each.value.port")
            .Set("ip_protocol", "tcp"));
        f.Comment("Every task carries the callers group; backend services accept traffic only from it.");
        f.Block("resource", "aws_security_group", "callers", g => g
            .Expr("name", "\"${var.name}-callers\"")
            .Set("description", "Tasks allowed to call backend services")
            .Expr("vpc_id", "var.vpc_id")
            .Expr("tags", "var.tags"));
        f.Block("resource", "aws_security_group", "service", g => g
            .Expr("for_each", "local.services")
            .Expr("name", "\"${var.name}-${each.key}\"")
            .Expr("description", "\"${each.key}: ingress only from the load balancer or its callers\"")
            .Expr("vpc_id", "var.vpc_id")
            .Expr("tags", "var.tags"));
        f.Block("resource", "aws_vpc_security_group_ingress_rule", "web_from_alb", r => r
            .Expr("for_each", Web)
            .Expr("security_group_id", "aws_security_group.service[each.key].id")
            .Expr("referenced_security_group_id", "aws_security_group.alb.id")
            .Expr("from_port", "each.value.port")
            .Expr("to_port", "each.value.port")
            .Set("ip_protocol", "tcp"));
        f.Block("resource", "aws_vpc_security_group_ingress_rule", "backend_from_callers", r => r
            .Expr("for_each", Backend)
            .Expr("security_group_id", "aws_security_group.service[each.key].id")
            .Expr("referenced_security_group_id", "aws_security_group.callers.id")
            .Expr("from_port", "each.value.port")
            .Expr("to_port", "each.value.port")
            .Set("ip_protocol", "tcp"));
        f.Comment("Tasks reach AWS APIs, their registry and each other over HTTPS and the services' ports.");
        f.Comment("berth:ignore BERTH-NET-003 berth.yaml does not say which hosts and ports a service calls beyond AWS and its registry: narrow this rule to them");
        f.Block("resource", "aws_vpc_security_group_egress_rule", "service", r => r
            .Expr("for_each", "local.services")
            .Expr("security_group_id", "aws_security_group.service[each.key].id")
            .Set("cidr_ipv4", "0.0.0.0/0")
            .Set("ip_protocol", "-1"));
    });

    private static string Services(IReadOnlyList<EcsServiceView> plans) => HclWriter.File(f =>
    {
        f.Block("resource", "aws_ecs_task_definition", "this", t => t
            .Expr("for_each", "local.services")
            .Expr("family", "\"${var.name}-${each.key}\"")
            .Set("requires_compatibilities", Strings(["FARGATE"]))
            .Set("network_mode", "awsvpc")
            .Expr("cpu", "each.value.cpu")
            .Expr("memory", "each.value.memory")
            .Expr("execution_role_arn", "aws_iam_role.execution[each.key].arn")
            .Expr("task_role_arn", "aws_iam_role.task[each.key].arn")
            .Expr("container_definitions", "jsonencode(local.container_definitions[each.key])")
            .Block("runtime_platform", r => r.Set("operating_system_family", "LINUX").Expr("cpu_architecture", "each.value.cpu_architecture"))
            .Block("volume", v => v.Set("name", "tmp"))
            .Dynamic("ephemeral_storage", "each.value.ephemeral_storage_gib == null ? [] : [each.value.ephemeral_storage_gib]", c => c
                .Expr("size_in_gib", "ephemeral_storage.value"))
            .Expr("tags", "var.tags"));
        Service(f, "fixed", Fixed, autoscaled: false, OnDemandWorkers(plans, autoscaled: false));
        Service(f, "autoscaled", Autoscaled, autoscaled: true, OnDemandWorkers(plans, autoscaled: true));
    });

    /// <summary>Workers berth.yaml keeps off Fargate Spot (no <c>spot: true</c>): the lint's ECS-013 is its choice, said.</summary>
    private static string[] OnDemandWorkers(IReadOnlyList<EcsServiceView> plans, bool autoscaled) =>
        plans.Where(p => p.Autoscaled == autoscaled && p.Spec.Type == ServiceType.Worker && !p.Planned.UsesSpot).Select(p => p.Name).ToArray();

    private static void Service(HclBody f, string name, string forEach, bool autoscaled, string[] onDemandWorkers) =>
        f.Block("resource", "aws_ecs_service", name, s =>
        {
            s.Expr("for_each", forEach)
                .Expr("name", "each.key")
                .Expr("cluster", "aws_ecs_cluster.this.id")
                .Expr("task_definition", "aws_ecs_task_definition.this[each.key].arn")
                .Expr("desired_count", "each.value.desired_count")
                .Set("deployment_minimum_healthy_percent", 100)
                .Set("deployment_maximum_percent", 200)
                .Set("enable_execute_command", true)
                .Set("enable_ecs_managed_tags", true)
                .Set("propagate_tags", "SERVICE")
                .Expr("health_check_grace_period_seconds", "each.value.type == \"web\" ? 60 : null")
                .Block("deployment_circuit_breaker", c => c.Set("enable", true).Set("rollback", true))
                .Comment(onDemandWorkers.Length == 0 ? null : "berth:ignore BERTH-ECS-013 berth.yaml keeps " + string.Join(", ", onDemandWorkers) + " off Fargate Spot (no spot: true): set it there if the work can be retried")
                .Dynamic("capacity_provider_strategy", "each.value.capacity_provider_strategy", c => c
                    .Expr("capacity_provider", "capacity_provider_strategy.value.capacity_provider")
                    .Expr("base", "capacity_provider_strategy.value.base")
                    .Expr("weight", "capacity_provider_strategy.value.weight"))
                .Block("network_configuration", n => n
                    .Expr("subnets", "var.private_subnet_ids")
                    .Expr("security_groups", "[aws_security_group.service[each.key].id, aws_security_group.callers.id]")
                    .Set("assign_public_ip", false))
                .Dynamic("load_balancer", "each.value.type == \"web\" ? [each.value.port] : []", l => l
                    .Expr("target_group_arn", "aws_lb_target_group.web[each.key].arn")
                    .Expr("container_name", "each.key")
                    .Expr("container_port", "load_balancer.value"))
                .Dynamic("service_registries", "each.value.type == \"backend\" ? [1] : []", r => r
                    .Expr("registry_arn", "aws_service_discovery_service.backend[each.key].arn"));
            if (autoscaled)
            {
                s.Block("lifecycle", l => l
                    .Comment("Application Auto Scaling owns the running count.")
                    .Expr("ignore_changes", "[desired_count]"));
            }

            s.Expr("depends_on", "[aws_lb_listener.https, aws_ecs_cluster_capacity_providers.this]")
                .Expr("tags", "var.tags");
        });

    private static string Autoscaling(IReadOnlyList<EcsServiceView> plans) => HclWriter.File(f =>
    {
        // A minimum below two is berth.yaml's choice (a queue worker that may scale to zero, a tool): said, not hidden.
        var single = plans.Where(p => p.Autoscaled && p.Spec.MinReplicas < 2).Select(p => p.Name).ToArray();
        if (single.Length > 0)
        {
            f.Comment("berth:ignore BERTH-ECS-012 berth.yaml sets scaling.min below 2 for " + string.Join(", ", single) + ": raise it there for availability");
        }

        f.Block("resource", "aws_appautoscaling_target", "this", t => t
            .Expr("for_each", Autoscaled)
            .Expr("min_capacity", "each.value.min_capacity")
            .Expr("max_capacity", "each.value.max_capacity")
            .Expr("resource_id", "\"service/${aws_ecs_cluster.this.name}/${aws_ecs_service.autoscaled[each.key].name}\"")
            .Set("scalable_dimension", "ecs:service:DesiredCount")
            .Set("service_namespace", "ecs"));
        foreach (var (metric, target) in new[] { ("cpu", "ECSServiceAverageCPUUtilization"), ("memory", "ECSServiceAverageMemoryUtilization") })
        {
            TargetTracking(f, metric, "aws_appautoscaling_target.this", $"{metric}_target", c => c
                .Block("predefined_metric_specification", m => m.Set("predefined_metric_type", target)));
        }

        f.Comment("SQS consumers: target tracking on backlog per task, AWS's metric math pattern");
        f.Comment("(docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).");
        f.Comment("Application Auto Scaling follows whichever policy asks for the most tasks; it scales in only when all agree.");
        TargetTracking(f, "backlog", QueueDriven, "backlog_per_task", c => c
            .Block("customized_metric_specification", m => m
                .Block("metrics", q => q
                    .Set("id", "messages")
                    .Set("label", "Messages visible in the queue")
                    .Set("return_data", false)
                    .Block("metric_stat", st => st
                        .Block("metric", x => x
                            .Set("namespace", "AWS/SQS")
                            .Set("metric_name", "ApproximateNumberOfMessagesVisible")
                            .Block("dimensions", d => d.Set("name", "QueueName").Expr("value", "each.value.queue_name")))
                        .Set("stat", "Sum")))
                .Block("metrics", q => q
                    .Set("id", "tasks")
                    .Set("label", "Running tasks")
                    .Set("return_data", false)
                    .Block("metric_stat", st => st
                        .Block("metric", x => TaskCount(x))
                        .Set("stat", "Average")))
                .Block("metrics", q => q
                    .Set("id", "backlog_per_task")
                    .Set("label", "Backlog per task")
                    .Set("expression", "messages / tasks")
                    .Set("return_data", true))));

        f.Comment("Target tracking cannot start a service that runs no task (no task, no datapoint): with scaling.min 0,");
        f.Comment("a step scaling policy adds a task when messages wait and none runs (application-auto-scaling-step-scaling-policies.html).");
        f.Block("resource", "aws_appautoscaling_policy", "start_from_zero", p => p
            .Expr("for_each", FromZero)
            .Expr("name", "\"${each.key}-start-from-zero\"")
            .Set("policy_type", "StepScaling")
            .Expr("resource_id", "aws_appautoscaling_target.this[each.key].resource_id")
            .Expr("scalable_dimension", "aws_appautoscaling_target.this[each.key].scalable_dimension")
            .Expr("service_namespace", "aws_appautoscaling_target.this[each.key].service_namespace")
            .Block("step_scaling_policy_configuration", c => c
                .Set("adjustment_type", "ChangeInCapacity")
                .Expr("cooldown", "each.value.start_from_zero.cooldown")
                .Set("metric_aggregation_type", "Maximum")
                .Block("step_adjustment", a => a
                    .Set("metric_interval_lower_bound", 0)
                    .Expr("scaling_adjustment", "each.value.start_from_zero.adjustment"))));
        f.Block("resource", "aws_cloudwatch_metric_alarm", "start_from_zero", a => a
            .Expr("for_each", FromZero)
            .Expr("alarm_name", "\"${var.name}-${each.key}-messages-waiting-no-task\"")
            .Expr("alarm_description", "\"${each.key}: messages wait in ${each.value.queue_name} and no task runs; starts one.\"")
            .Set("comparison_operator", "GreaterThanOrEqualToThreshold")
            .Set("threshold", 1)
            .Set("evaluation_periods", EcsStepScalingPlan.EvaluationPeriods)
            .Set("datapoints_to_alarm", EcsStepScalingPlan.EvaluationPeriods)
            .Set("treat_missing_data", "notBreaching")
            .Expr("alarm_actions", "[aws_appautoscaling_policy.start_from_zero[each.key].arn]")
            .Block("metric_query", q => q
                .Set("id", "messages")
                .Set("label", "Messages visible in the queue")
                .Block("metric", x => x
                    .Set("namespace", "AWS/SQS")
                    .Set("metric_name", "ApproximateNumberOfMessagesVisible")
                    .Set("period", EcsQueueScalingPlan.MetricPeriodSeconds)
                    .Set("stat", "Maximum")
                    .Expr("dimensions", "{ QueueName = each.value.queue_name }")))
            .Block("metric_query", q => q
                .Set("id", "tasks")
                .Set("label", "Running tasks")
                .Block("metric", x => x
                    .Set("namespace", "ECS/ContainerInsights")
                    .Set("metric_name", "RunningTaskCount")
                    .Set("period", EcsQueueScalingPlan.MetricPeriodSeconds)
                    .Set("stat", "Average")
                    .Expr("dimensions", "{ ClusterName = aws_ecs_cluster.this.name, ServiceName = aws_ecs_service.autoscaled[each.key].name }")))
            .Block("metric_query", q => q
                .Set("id", "waiting_with_no_task")
                .Set("label", "Messages waiting and no task running")
                .Expr("expression", "\"IF(messages >= ${each.value.start_from_zero.messages} AND FILL(tasks, 0) == 0, 1, 0)\"")
                .Set("return_data", true))
            .Expr("tags", "var.tags"));
    });

    /// <summary>A target tracking policy per entry of <paramref name="forEach"/>, with the plan's cooldowns.</summary>
    private static void TargetTracking(HclBody f, string name, string forEach, string targetField, Action<HclBody> metric) =>
        f.Block("resource", "aws_appautoscaling_policy", name, p => p
            .Expr("for_each", forEach)
            .Expr("name", $"\"${{each.key}}-{name}\"")
            .Set("policy_type", "TargetTrackingScaling")
            .Expr("resource_id", "aws_appautoscaling_target.this[each.key].resource_id")
            .Expr("scalable_dimension", "aws_appautoscaling_target.this[each.key].scalable_dimension")
            .Expr("service_namespace", "aws_appautoscaling_target.this[each.key].service_namespace")
            .Block("target_tracking_scaling_policy_configuration", c =>
            {
                c.Expr("target_value", $"local.services[each.key].{targetField}")
                    .Comment("Scale out fast, scale in slowly.")
                    .Expr("scale_out_cooldown", "local.services[each.key].scale_out_cooldown")
                    .Expr("scale_in_cooldown", "local.services[each.key].scale_in_cooldown");
                metric(c);
            }));

    /// <summary>The service's running tasks, from Container Insights (enabled on the cluster).</summary>
    private static void TaskCount(HclBody x) => x
        .Set("namespace", "ECS/ContainerInsights")
        .Set("metric_name", "RunningTaskCount")
        .Block("dimensions", d => d.Set("name", "ClusterName").Expr("value", "aws_ecs_cluster.this.name"))
        .Block("dimensions", d => d.Set("name", "ServiceName").Expr("value", "aws_ecs_service.autoscaled[each.key].name"));

    private static string Outputs() => HclWriter.File(f =>
    {
        Output(f, "cluster_name", "aws_ecs_cluster.this.name", "The ECS cluster.");
        Output(f, "load_balancer_dns_name", "aws_lb.this.dns_name", "Point <service>.<domain_name> of each web service here.");
        Output(f, "service_discovery_namespace", "aws_service_discovery_private_dns_namespace.this.name", "Backend services answer at <service>.<namespace>.");
        Output(f, "log_groups", "{ for k, g in aws_cloudwatch_log_group.service : k => g.name }", "Each service's log group.");
        Output(f, "services", "{ for k, s in " + AllServices + " : k => { desired_count = s.desired_count, circuit_breaker_rollback = s.deployment_circuit_breaker[0].rollback, assign_public_ip = s.network_configuration[0].assign_public_ip, minimum_healthy_percent = s.deployment_minimum_healthy_percent, maximum_percent = s.deployment_maximum_percent, enable_execute_command = s.enable_execute_command } }",
            "The safety settings of every service, for review and tests.");
        Output(f, "queue_scaling", "{ for k, p in aws_appautoscaling_policy.backlog : k => { queue = local.services[k].queue_name, backlog_per_task = p.target_tracking_scaling_policy_configuration[0].target_value, starts_from_zero = contains(keys(aws_cloudwatch_metric_alarm.start_from_zero), k) } }",
            "The queue-driven policies of SQS consumers: the queue, the backlog per task they keep, whether an alarm starts them from zero.");
    });
}
