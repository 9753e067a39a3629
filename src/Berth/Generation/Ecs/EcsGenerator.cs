using System.Globalization;
using System.Text;
using Berth.Catalog;
using Berth.Generation.Hcl;
using Berth.Planning;
using Berth.Spec;
using static Berth.Generation.Hcl.HclValue;
using static Berth.Generation.Terraform.TerraformBlocks;
using static Berth.Generation.Terraform.TerraformTestBlocks;

namespace Berth.Generation.Ecs;

/// <summary>
/// <c>berth generate ecs</c>: a root module instantiating modules/ecs-platform once per client (or once), with a
/// plan-only <c>terraform test</c> and a README. Pure: the spec in, files out, sorted by path.
/// </summary>
public static class EcsGenerator
{
    public const string TestFile = "tests/plan.tftest.hcl";

    /// <summary>The spec's ECS on Fargate plan, at its catalog's prices with berth.yaml's overrides, rendered.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(BerthSpec spec, PriceCatalog catalog) =>
        Generate(spec, EcsFargatePlanner.Plan(spec, new PriceBook(catalog, spec.Pricing, spec.Region)));

    public static IReadOnlyList<GeneratedFile> Generate(BerthSpec spec, EcsFargatePlan plan)
    {
        var plans = EcsServiceView.For(plan);
        var instances = Instances(spec);
        var files = new List<GeneratedFile>(EcsModule.Files(spec, plans))
        {
            new("README.md", Readme(spec, plans, instances)),
            new("main.tf", Main(spec, instances)),
            new("outputs.tf", Outputs(instances)),
            new("variables.tf", Variables(spec, instances)),
            new("versions.tf", Versions(root: true)),
            new(TestFile, Test(spec, plans, instances)),
        };
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>One platform instance per client, or one named after the spec.</summary>
    public sealed record Instance(string Key, string Module, string Name);

    public static IReadOnlyList<Instance> Instances(BerthSpec spec) =>
        spec.Clients.Count == 0
            ? [new Instance(spec.Name, "platform", spec.Name)]
            : spec.Clients.Order(StringComparer.Ordinal).Select(c => new Instance(c, Names.Identifier(c), $"{spec.Name}-{c}")).ToArray();

    private static string Main(BerthSpec spec, IReadOnlyList<Instance> instances) => HclWriter.File(f =>
    {
        f.Block("provider", "aws", p => p
            .Expr("region", "var.region")
            .Block("default_tags", t => t.Set("tags", HclObject.Of(
                ("environment", Str(EnumName(spec.Environment))),
                ("managed-by", Str("terraform")),
                ("platform", Str(spec.Name))))));
        foreach (var i in instances)
        {
            var v = $"var.clients[\"{i.Key}\"]";
            f.Block("module", i.Module, m => m
                .Set("source", "./" + EcsModule.Folder)
                .Blank()
                .Set("name", i.Name)
                .Expr("region", "var.region")
                .Expr("vpc_id", v + ".vpc_id")
                .Expr("private_subnet_ids", v + ".private_subnet_ids")
                .Expr("public_subnet_ids", v + ".public_subnet_ids")
                .Expr("certificate_arn", v + ".certificate_arn")
                .Expr("domain_name", v + ".domain_name")
                .Expr("image_registry", "var.image_registry")
                .Expr("image_tag", v + ".image_tag")
                .Set("tags", HclObject.Of(("client", Str(i.Key)))));
        }
    });

    private static string Variables(BerthSpec spec, IReadOnlyList<Instance> instances) => HclWriter.File(f =>
    {
        Variable(f, "region", "string", "AWS region of every instance.", v => v.Set("default", spec.Region));
        Variable(f, "image_registry", "string", "Registry holding one repository per service, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com.");
        var keys = instances.Select(i => i.Key).ToArray();
        Variable(
            f,
            "clients",
            "map(object({ vpc_id = string, private_subnet_ids = list(string), public_subnet_ids = list(string), certificate_arn = string, domain_name = string, image_tag = string }))",
            "Network, certificate, domain and image tag of each platform instance, keyed by client.",
            v => v.Block("validation", c => c
                .Set("condition", Call("alltrue", new HclRaw("[for k in " + Inline(Strings(keys)) + " : contains(keys(var.clients), k)]")))
                .Set("error_message", "clients needs an entry for each of: " + string.Join(", ", keys) + ".")));
    });

    private static string Outputs(IReadOnlyList<Instance> instances) => HclWriter.File(f =>
    {
        foreach (var i in instances)
        {
            f.Block("output", i.Module, o => o
                .Set("description", $"The {i.Name} platform: cluster, load balancer, discovery namespace and service settings.")
                .Set("value", HclObject.Of(
                    ("cluster_name", Expr($"module.{i.Module}.cluster_name")),
                    ("load_balancer_dns_name", Expr($"module.{i.Module}.load_balancer_dns_name")),
                    ("service_discovery_namespace", Expr($"module.{i.Module}.service_discovery_namespace")),
                    ("services", Expr($"module.{i.Module}.services")))));
        }
    });

    private static string Test(BerthSpec spec, IReadOnlyList<EcsServiceView> plans, IReadOnlyList<Instance> instances) => HclWriter.File(f =>
    {
        MockProvider(f, m => m
            .Block("mock_data", "aws_secretsmanager_secret", d => d.Set("defaults", HclObject.Of(
                ("arn", Str("arn:aws:secretsmanager:" + spec.Region + ":123456789012:secret:mock-AbCdEf")))))
            .Block("mock_resource", "aws_kms_key", d => d.Set("defaults", HclObject.Of(
                ("arn", Str("arn:aws:kms:" + spec.Region + ":123456789012:key/00000000-0000-0000-0000-000000000000"))))));
        f.Block("variables", v => v
            .Set("image_registry", "123456789012.dkr.ecr." + spec.Region + ".amazonaws.com")
            .Set("clients", HclObject.Of(instances.Select(i => (i.Key, (HclValue)HclObject.Of(
                ("vpc_id", Str("vpc-0123456789abcdef0")),
                ("private_subnet_ids", Strings(["subnet-0a000000000000001", "subnet-0a000000000000002"])),
                ("public_subnet_ids", Strings(["subnet-0b000000000000001", "subnet-0b000000000000002"])),
                ("certificate_arn", Str("arn:aws:acm:" + spec.Region + ":123456789012:certificate/00000000-0000-0000-0000-000000000000")),
                ("domain_name", Str(i.Key + ".example.com")),
                ("image_tag", Str("1.0.0"))))))));
        f.Block("run", "services_deploy_safely", r =>
        {
            r.Expr("command", "plan");
            foreach (var i in instances)
            {
                var services = $"values(module.{i.Module}.services)";
                Assert(r, $"length({services}) == {plans.Count.ToString(CultureInfo.InvariantCulture)}", $"{i.Key}: every service of the spec is planned.");
                Assert(r, $"alltrue([for s in {services} : s.circuit_breaker_rollback])", $"{i.Key}: deployments roll back when the circuit breaker trips.");
                Assert(r, $"alltrue([for s in {services} : s.assign_public_ip == false])", $"{i.Key}: tasks get no public IP.");
                Assert(r, $"alltrue([for s in {services} : s.minimum_healthy_percent == 100 && s.maximum_percent == 200])", $"{i.Key}: rolling deployments keep full capacity.");
                Assert(r, $"alltrue([for s in {services} : s.enable_execute_command])", $"{i.Key}: ECS Exec is enabled for debugging.");
                var queues = $"module.{i.Module}.queue_scaling";
                Assert(r, $"length({queues}) == {QueueDriven(plans).Length.ToString(CultureInfo.InvariantCulture)}", $"{i.Key}: every SQS consumer that autoscales tracks its backlog per task.");
                foreach (var (p, q) in QueueDriven(plans))
                {
                    Assert(r, $"{queues}[\"{p.Name}\"].backlog_per_task == {q.BacklogPerTask.ToString(CultureInfo.InvariantCulture)} && {queues}[\"{p.Name}\"].queue == \"{q.QueueName}\"", $"{i.Key}: {p.Name} targets {q.BacklogPerTask.ToString(CultureInfo.InvariantCulture)} messages of {q.QueueName} per task.");
                    Assert(r, $"{queues}[\"{p.Name}\"].starts_from_zero == {(q.FromZero is null ? "false" : "true")}", q.FromZero is null
                        ? $"{i.Key}: {p.Name} never runs at zero tasks, so needs no start-from-zero alarm."
                        : $"{i.Key}: {p.Name} can scale to zero, so an alarm on waiting messages starts it.");
                }

            }
        });
    });

    /// <summary>The services that scale on an SQS queue, with their queue policies.</summary>
    private static (EcsServiceView Service, EcsQueueScalingPlan Queue)[] QueueDriven(IReadOnlyList<EcsServiceView> plans) =>
        plans.SelectMany(p => p.Scaling?.Queue is { } q ? [(p, q)] : Array.Empty<(EcsServiceView, EcsQueueScalingPlan)>()).ToArray();

    private static string EnumName(DeploymentEnvironment e) => e.ToString().ToLowerInvariant();

    private static string Readme(BerthSpec spec, IReadOnlyList<EcsServiceView> plans, IReadOnlyList<Instance> instances)
    {
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');
        L($"# {spec.Name}: ECS Fargate platform");
        L();
        L($"Generated by `berth generate ecs` from `{Path.GetFileName(spec.SourcePath)}`. Change the spec and regenerate rather than");
        L("editing these files: Berth refuses to overwrite a file whose content no longer matches its header hash (use");
        L("`--force` to replace your edits).");
        L();
        L("## Layout");
        L();
        L("| Path | What |");
        L("|---|---|");
        L($"| `versions.tf`, `main.tf` | Terraform and `hashicorp/aws` `{AwsProviderVersion}`; one `module` block per platform instance |");
        L("| `variables.tf` | region, image registry and, per instance, VPC, subnets, certificate, domain and image tag |");
        L("| `outputs.tf` | cluster, load balancer DNS name, discovery namespace and each service's deployment settings |");
        L("| `tests/plan.tftest.hcl` | a plan against a mocked AWS provider asserting the safety settings |");
        L("| `modules/ecs-platform/` | the platform: cluster, capacity providers, services, IAM, load balancer, discovery, autoscaling |");
        L();
        L("## Instances");
        L();
        foreach (var i in instances)
        {
            L($"- `module.{i.Module}`: cluster `{i.Name}` (key `{i.Key}` in `var.clients`)");
        }

        L();
        L("## Services");
        L();
        L("| Service | Type | Task size | Tasks | Capacity | Reached at |");
        L("|---|---|---|---|---|---|");
        foreach (var p in plans)
        {
            var tasks = p.Autoscaled
                ? $"{p.Spec.MinReplicas.ToString(CultureInfo.InvariantCulture)}–{p.Spec.MaxReplicas.ToString(CultureInfo.InvariantCulture)} (CPU {p.Spec.Scaling?.CpuTarget.ToString(CultureInfo.InvariantCulture)}% / memory {p.Spec.Scaling?.MemoryTarget.ToString(CultureInfo.InvariantCulture)}%)"
                : p.Spec.MinReplicas.ToString(CultureInfo.InvariantCulture);
            var capacity = string.Join(" + ", p.Strategy.Select(c => $"{c.Provider} {c.Base.ToString(CultureInfo.InvariantCulture)}/{c.Weight.ToString(CultureInfo.InvariantCulture)}"));
            var reached = p.Spec.Type switch
            {
                ServiceType.Web => $"`https://{p.Name}.<domain_name>` via the load balancer",
                ServiceType.Backend => $"`{p.Name}.<instance>.internal:{p.Spec.Port?.ToString(CultureInfo.InvariantCulture)}` via Cloud Map",
                _ => "no ingress",
            };
            L($"| {p.Name} | {p.TypeName} | {p.Size.CpuUnits.ToString(CultureInfo.InvariantCulture)} CPU units / {p.Size.MemoryMiB.ToString(CultureInfo.InvariantCulture)} MiB | {tasks} | {capacity} | {reached} |");
        }

        L();
        L("Task sizes are the cheapest valid Fargate sizes holding each service's request. Capacity is `provider base/weight`:");
        L("only services marked `spot: true` (and not ARM64, which Fargate Spot does not run) use the spec's Spot strategy.");
        L();
        L("## Apply");
        L();
        L("1. Build and push one image per service to `<image_registry>/<service>:<image_tag>`.");
        L("2. Create the Secrets Manager secrets the services name (the execution roles may read only those):");
        foreach (var name in plans.SelectMany(p => p.SecretNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            L($"   - `{name}`");
        }

        L("3. Write a `terraform.tfvars` with `image_registry` and one `clients` entry per instance (VPC, private and public");
        L("   subnets, ACM certificate, domain, image tag), and configure a backend for the state.");
        L("4. `terraform init`, `terraform test` (plans against a mocked provider), `terraform plan`, `terraform apply`.");
        L("5. Point `<service>.<domain_name>` of each web service at the load balancer (`terraform output`).");
        L();
        L("Onboarding a client: add it to `clients:` in the spec, regenerate, and add its entry to `clients` in your tfvars.");
        L();
        L("## What is on by default");
        L();
        L("- Container Insights; ECS Exec sessions encrypted with the platform's KMS key and logged to CloudWatch.");
        L("- FARGATE and FARGATE_SPOT capacity providers with the spec's default strategy.");
        L("- Per service: separate execution and task roles (the execution role reads only the service's own secrets),");
        L("  secrets from Secrets Manager through `secrets` (never plain environment variables), a FireLens log router,");
        L("  a read-only root filesystem with a writable `/tmp` volume, a container health check, KMS-encrypted log");
        L("  groups with retention, and its own security group.");
        L("- Deployments: circuit breaker with rollback, 100% minimum healthy / 200% maximum, private subnets, no public IP.");
        L("- Web services: an ALB target group (`target_type = \"ip\"`, health check, 30 s deregistration delay) behind an");
        L("  HTTPS listener; backend services: Cloud Map registration, ingress only from the platform's callers group.");
        L("- Autoscaled services: target tracking on CPU and memory (scale out after 60 s, in after 300 s), with Terraform");
        L("  ignoring `desired_count` so a plan never fights the autoscaler.");
        L("- Fargate Spot tasks: the application and its log router stop within the two-minute warning (`stopTimeout` 120 s).");
        var sqs = QueueDriven(plans);
        if (sqs.Length > 0)
        {
            L();
            L("## Queue-driven scaling");
            L();
            L("Services that read an SQS queue scale on it as well as on CPU and memory (Application Auto Scaling follows");
            L("whichever policy asks for the most tasks):");
            L();
            foreach (var (p, q) in sqs)
            {
                var start = q.FromZero is { } z
                    ? $"; from zero, a step scaling policy adds {z.Adjustment.ToString(CultureInfo.InvariantCulture)} task when at least {z.Messages.ToString(CultureInfo.InvariantCulture)} message waits and none runs (alarm `<instance>-{p.Name}-messages-waiting-no-task`)"
                    : "";
                L($"- {p.Name}: `{q.QueueName}`, target {q.BacklogPerTask.ToString(CultureInfo.InvariantCulture)} visible messages per running task (metric math over `ApproximateNumberOfMessagesVisible` and Container Insights' `RunningTaskCount`){start}.");
            }
        }

        var kafka = plans.Where(p => p.Spec.EventSource is { Type: EventSourceType.Kafka }).ToArray();
        if (kafka.Length > 0)
        {
            L();
            L("## Not generated: Kafka consumer lag");
            L();
            L($"{string.Join(", ", kafka.Select(p => p.Name))} read Kafka. ECS has no scaler for consumer lag: lag is not a CloudWatch");
            L("metric unless something publishes it (MSK's enhanced monitoring `SumOffsetLag` per consumer group, or a lag");
            L("exporter), and Berth knows neither your cluster nor your consumer groups. These services scale on CPU and memory");
            L("only (or run a fixed count); add a target tracking policy on your lag metric once it is published.");
        }
        return sb.ToString();
    }
}
