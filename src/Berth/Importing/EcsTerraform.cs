using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Linting;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;
using Berth.Spec;

namespace Berth.Importing;

/// <summary>
/// An ECS on Fargate platform from Terraform (hashicorp/aws resources, evaluated by the linter's reader): each
/// <c>aws_ecs_service</c> with its task definition, Application Auto Scaling target and policies, and capacity
/// provider strategy; the cluster's default strategy; the provider's region and default tags.
/// </summary>
public static partial class EcsTerraform
{
    /// <summary>The ECS platform in the resources, or null when there is no ECS service.</summary>
    public static ImportedPlatform? Read(IReadOnlyList<TerraformResource> resources)
    {
        var services = resources.Where(r => r.Mode == "resource" && r.Type == "aws_ecs_service").ToList();
        if (services.Count == 0)
        {
            return null;
        }

        var notes = new List<ImportNote>();
        var imported = new List<ImportedService>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var declaredBy = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var tops = new List<ModuleInstance?>();
        var clusterDefault = ClusterDefaultStrategy(resources, notes);
        var spotStrategies = new List<(IReadOnlyList<CapacityProviderItem> Strategy, SourceRange? From)>();
        foreach (var service in services)
        {
            if (HclValue.IsUnknown(service.Key))
            {
                notes.Add(new ImportNote(service.Range, $"{service.Address}: its for_each or count cannot be known, so its services are not read"));
                continue;
            }

            var name = HclValue.AsString(service.View.Get("name")) ?? HclValue.AsString(service.Key);
            if (name is null)
            {
                notes.Add(new ImportNote(service.Range, $"{service.Address}: its name cannot be known, so it is not read"));
                continue;
            }

            var berthName = Names.Berth(name);
            var top = TopModule(service.Module);
            if (!tops.Any(t => t?.AddressPrefix == top?.AddressPrefix))
            {
                tops.Add(top);
            }

            if (!declaredBy.TryGetValue(berthName, out var by))
            {
                declaredBy[berthName] = by = new HashSet<string>(StringComparer.Ordinal);
            }

            by.Add(top?.AddressPrefix ?? "");
            if (seen.TryGetValue(berthName, out var first))
            {
                // The same module instantiated per client (or per environment) repeats the services: read them once.
                if (seen.Count > 0 && !notes.Any(n => n.Message.StartsWith("several ECS platforms", StringComparison.Ordinal)))
                {
                    notes.Add(new ImportNote(service.Range, $"several ECS platforms declare service {name} ({first}, {service.Address}); each service is read once, from the first"));
                }

                continue;
            }

            seen[berthName] = service.Address;
            if (berthName != name)
            {
                notes.Add(new ImportNote(service.View.RangeOf("name"), $"service {name} is named {berthName} in berth.yaml (lowercase letters, digits and '-')"));
            }

            var (svc, strategy, strategyFrom) = ReadService(service, berthName, resources, clusterDefault, notes);
            if (svc.Spot?.Value == true)
            {
                spotStrategies.Add((strategy, strategyFrom));
            }

            imported.Add(svc);
        }

        if (imported.Count == 0)
        {
            return null;
        }

        var (ecsStrategy, ecsFrom) = spotStrategies.Count > 0 ? spotStrategies[0] : (clusterDefault?.Strategy, clusterDefault?.From);
        if (spotStrategies.Select(s => Describe(s.Strategy)).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            notes.Add(new ImportNote(spotStrategies[1].From, "the services that use Fargate Spot have different capacity provider strategies; berth.yaml has one, taken from the first"));
        }

        var clients = Clients(tops, declaredBy);
        if (clients is not null)
        {
            notes.RemoveAll(n => n.Message.StartsWith("several ECS platforms", StringComparison.Ordinal));
            notes.Add(new ImportNote(clients.Value.From, $"{clients.Value.Names.Count} clients' modules declare the same services: each service is read once, from {tops[0]!.AddressPrefix.TrimEnd('.')}; a client whose settings differ is priced as that one"));
        }

        var cluster = resources.FirstOrDefault(r => r.Mode == "resource" && r.Type == "aws_ecs_cluster");
        var clusterName = cluster is null ? null : HclValue.AsString(cluster.View.Get("name"));

        // A client's cluster is named after the product and the client (generate ecs: "<name>-<client>"): the spec's name is the product's.
        if (clusterName is not null && clients?.Names.FirstOrDefault(c => Names.Berth(clusterName, 80).EndsWith("-" + c, StringComparison.Ordinal)) is { } client)
        {
            clusterName = Names.Berth(clusterName, 80)[..^(client.Length + 1)];
        }
        return new ImportedPlatform(RunningPlatform.EcsFargate, imported.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), notes)
        {
            Name = clusterName is null ? null : new Sourced<string>(Names.Berth(clusterName, 40), Provenance.Where(cluster!.View, "name")),
            Region = ProviderSettings.Region(resources),
            Environment = ProviderSettings.Environment(resources),
            CapacityProviderStrategy = ecsStrategy,
            CapacityProviderStrategyFrom = ecsFrom,
            Clients = clients?.Names ?? [],
            ClientsFrom = clients?.From,
        };
    }

    /// <summary>The module instance the root calls that holds <paramref name="module"/> (itself, or a caller), or null for the root.</summary>
    private static ModuleInstance? TopModule(ModuleInstance module)
    {
        if (module.Caller is null)
        {
            return null;
        }

        var m = module;
        while (m.Caller?.Caller is not null)
        {
            m = m.Caller;
        }

        return m;
    }

    /// <summary>
    /// One platform per client, as <c>berth generate ecs</c> writes a multi-client spec and as teams call a platform
    /// module once per client: the root calls two or more module instances (separate calls, or one call's for_each or
    /// count) that each declare every service. Their names (the for_each key, else the call's name) are the clients,
    /// unless they name environments (a module per environment is not a client each).
    /// </summary>
    private static (IReadOnlyList<string> Names, SourceRange? From)? Clients(List<ModuleInstance?> tops, Dictionary<string, HashSet<string>> declaredBy)
    {
        if (tops.Count < 2 || tops.Any(t => t is null) || declaredBy.Values.Any(d => d.Count != tops.Count))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var top in tops)
        {
            var m = ModuleAddress().Match(top!.AddressPrefix);
            if (!m.Success)
            {
                return null;
            }

            var name = Names.Berth(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value, 40);
            if (EnvironmentNames.Contains(name) || names.Contains(name, StringComparer.Ordinal))
            {
                return null;
            }

            names.Add(name);
        }

        var call = tops[0]!.Caller!.Files.SelectMany(f => f.Body.Blocks)
            .FirstOrDefault(b => b.Type == "module" && b.Labels.Count == 1 && b.Labels[0] == ModuleAddress().Match(tops[0]!.AddressPrefix).Groups[1].Value);
        return (names.Count > SpecLimits.MaxClients ? names[..SpecLimits.MaxClients] : names, call?.Range);
    }

    private static readonly HashSet<string> EnvironmentNames = new(StringComparer.Ordinal)
    {
        "prod", "production", "prd", "staging", "stage", "stg", "dev", "development", "test", "testing", "qa", "uat", "sandbox", "preprod",
    };

    /// <summary><c>module.NAME.</c>, <c>module.NAME["key"].</c> or <c>module.NAME[0].</c>: the call's name and its key.</summary>
    [GeneratedRegex(@"^module\.([A-Za-z0-9_-]+)(?:\[(?:""([^""]+)""|([0-9]+))\])?\.")]
    private static partial Regex ModuleAddress();

    private static (ImportedService Service, IReadOnlyList<CapacityProviderItem> Strategy, SourceRange? StrategyFrom) ReadService(
        TerraformResource service, string name, IReadOnlyList<TerraformResource> resources, (IReadOnlyList<CapacityProviderItem> Strategy, SourceRange? From)? clusterDefault, List<ImportNote> notes)
    {
        var view = service.View;
        var result = new ImportedService(name, view.Range);

        // A service's own strategy wins; without one (and without launch_type) ECS uses the cluster's default
        // (ECS API reference, CreateService: capacityProviderStrategy).
        IReadOnlyList<CapacityProviderItem> strategy;
        SourceRange? strategyFrom;
        var own = view.Blocks("capacity_provider_strategy");
        if (own.Count > 0)
        {
            strategy = own.Select(Item).ToList();
            strategyFrom = Provenance.Where(own[0], "capacity_provider") ?? own[0].Range;
        }
        else if (HclValue.AsString(view.Get("launch_type")) is { } launchType)
        {
            if (launchType != "FARGATE")
            {
                notes.Add(new ImportNote(view.RangeOf("launch_type"), $"service {name} runs with launch_type {launchType}; Berth prices it as a Fargate task of the same size"));
            }

            strategy = [new CapacityProviderItem(EcsSpec.Fargate, 0, 1)];
            strategyFrom = view.RangeOf("launch_type");
        }
        else
        {
            strategy = clusterDefault?.Strategy ?? [new CapacityProviderItem(EcsSpec.Fargate, 0, 1)];
            strategyFrom = clusterDefault?.From;
        }

        if (strategy.Any(p => !EcsSpec.KnownProviders.Contains(p.Provider)))
        {
            notes.Add(new ImportNote(strategyFrom, $"service {name} uses capacity provider(s) {Describe(strategy)}; Berth prices FARGATE and FARGATE_SPOT only"));
        }

        result = result with
        {
            Spot = new Sourced<bool>(strategy.Any(p => p.Provider == EcsSpec.FargateSpot && p.Weight + p.Base > 0), strategyFrom),
            Type = TypeOf(view),
            GracefulShutdown = null,
        };

        result = ReadTask(service, result, notes);
        result = ReadScaling(service, result, resources, notes);
        return (result, strategy, strategyFrom);
    }

    /// <summary>web behind a load balancer, backend registered in service discovery (or with a port), worker otherwise.</summary>
    private static Sourced<ServiceType> TypeOf(BlockView view)
    {
        if (view.Block("load_balancer") is { } lb)
        {
            return new Sourced<ServiceType>(ServiceType.Web, lb.Range);
        }

        if (view.Block("service_registries") is { } sr)
        {
            return new Sourced<ServiceType>(ServiceType.Backend, sr.Range);
        }

        if (view.Block("service_connect_configuration") is { } sc)
        {
            return new Sourced<ServiceType>(ServiceType.Backend, sc.Range);
        }

        return new Sourced<ServiceType>(ServiceType.Worker, view.Range);
    }

    private static ImportedService ReadTask(TerraformResource service, ImportedService result, List<ImportNote> notes)
    {
        var name = result.Name;
        var tasks = Tf.Referenced(service, "task_definition", "aws_ecs_task_definition");
        if (tasks.Count == 0)
        {
            notes.Add(new ImportNote(service.View.RangeOf("task_definition"), $"service {name}: its task definition is not in the code read; cpu and memory are left to Berth's defaults"));
            return result;
        }

        var task = tasks[0];
        var t = task.View;
        if (Provenance.Int(t, "cpu") is { } units && Provenance.Int(t, "memory") is { } mib)
        {
            // Task cpu is in CPU units (1024 to a vCPU); berth.yaml counts millicores (1000 to a vCPU).
            var millicores = (long)Math.Round(units * 1000m / 1024m, MidpointRounding.AwayFromZero);
            result = result with
            {
                Cpu = new Sourced<Millicores>(new Millicores(millicores), Provenance.Where(t, "cpu")),
                Memory = new Sourced<ByteSize>(ByteSize.FromMiB(mib), Provenance.Where(t, "memory")),
            };
        }
        else
        {
            notes.Add(new ImportNote(t.RangeOf("cpu"), $"service {name}: the task's cpu or memory is not set or cannot be known; left to Berth's defaults"));
        }

        if (t.Block("runtime_platform") is { } platform && HclValue.AsString(platform.Get("cpu_architecture")) is { } arch)
        {
            result = result with { Arch = new Sourced<CpuArch>(arch == "ARM64" ? CpuArch.Arm64 : CpuArch.X64, Provenance.Where(platform, "cpu_architecture")) };
        }
        else if (t.Block("runtime_platform") is { } unknownPlatform && unknownPlatform.Has("cpu_architecture"))
        {
            notes.Add(new ImportNote(unknownPlatform.RangeOf("cpu_architecture"), $"service {name}: its CPU architecture cannot be known; x86_64 assumed"));
        }

        if (t.Block("ephemeral_storage") is { } storage && Provenance.Int(storage, "size_in_gib") is { } gib)
        {
            result = result with { Storage = new Sourced<ByteSize>(ByteSize.FromGiB(gib), Provenance.Where(storage, "size_in_gib")) };
        }
        else if (t.MayHaveUnknownBlocks("ephemeral_storage"))
        {
            notes.Add(new ImportNote(t.Range, $"service {name}: whether its task has extra ephemeral storage cannot be known; 20 GiB assumed"));
        }

        if (EcsContainers.Read(task) is not { } containers)
        {
            notes.Add(new ImportNote(t.RangeOf("container_definitions"), $"service {name}: its container definitions cannot be read; port, health check and secrets are not imported"));
            return result;
        }

        var lbContainer = service.View.Block("load_balancer") is { } lb ? HclValue.AsString(lb.Get("container_name")) : null;
        var app = containers.FirstOrDefault(c => c.Name == lbContainer)
            ?? containers.FirstOrDefault(c => c.Name == name)
            ?? containers.FirstOrDefault(c => c.Get("firelensConfiguration") is null);
        if (app is null)
        {
            return result;
        }

        if (app.Get("portMappings") is IReadOnlyList<object?> { Count: > 0 } ports && ports[0] is HclDictionary port
            && HclValue.AsNumber(port.GetOrNull("containerPort")) is { } p && p is >= 1 and <= 65535)
        {
            result = result with { Port = new Sourced<int>((int)p, port.KeyRange("containerPort") ?? app.RangeOf("portMappings")) };
        }

        if (app.Get("healthCheck") is HclDictionary hc && hc.GetOrNull("command") is IReadOnlyList<object?> command
            && HealthPath().Match(string.Join(' ', command.Select(HclValue.AsString))) is { Success: true } m)
        {
            result = result with { HealthCheck = new Sourced<string>(m.Groups["path"].Value, hc.KeyRange("command") ?? app.RangeOf("healthCheck")) };
        }

        // ECS gives a container stopTimeout seconds between SIGTERM and SIGKILL; one above the 30 s default says it drains.
        if (HclValue.AsNumber(app.Get("stopTimeout")) is { } stop)
        {
            result = result with { GracefulShutdown = new Sourced<bool>(stop > 30, app.RangeOf("stopTimeout")) };
        }

        var secrets = new List<(string, Sourced<string>)>();
        var unnamed = new List<string>();
        foreach (var secret in (app.Get("secrets") as IReadOnlyList<object?> ?? []).OfType<HclDictionary>())
        {
            if (HclValue.AsString(secret.GetOrNull("name")) is not { } env)
            {
                continue;
            }

            if (HclValue.AsString(secret.GetOrNull("valueFrom")) is { } from)
            {
                secrets.Add((env, new Sourced<string>(SecretName(from), secret.KeyRange("valueFrom"))));
            }
            else
            {
                unnamed.Add(env);
            }
        }

        if (unnamed.Count > 0)
        {
            notes.Add(new ImportNote(app.RangeOf("secrets"), $"service {name}: the secret behind {string.Join(", ", unnamed)} is only known after apply; add it under secrets: yourself"));
        }

        return result with { Secrets = secrets.OrderBy(s => s.Item1, StringComparer.Ordinal).ToList() };
    }

    /// <summary>A Secrets Manager ARN's secret name without the six random characters AWS appends; any other reference as written.</summary>
    private static string SecretName(string valueFrom) =>
        SecretArn().Match(valueFrom) is { Success: true } m ? m.Groups["name"].Value : valueFrom;

    private static ImportedService ReadScaling(TerraformResource service, ImportedService result, IReadOnlyList<TerraformResource> resources, List<ImportNote> notes)
    {
        var name = result.Name;
        var targets = resources.Where(r => r.Mode == "resource" && r.Type == "aws_appautoscaling_target" && r.Module == service.Module
            && HclValue.AsString(r.View.Get("service_namespace")) is "ecs" or null
            && Tf.Referenced(r, "resource_id", "aws_ecs_service").Contains(service)).ToList();
        if (targets.Count == 0 && HclValue.AsString(service.View.Get("name")) is { } serviceName)
        {
            targets = resources.Where(r => r.Mode == "resource" && r.Type == "aws_appautoscaling_target"
                && HclValue.AsString(r.View.Get("resource_id")) is { } id && id.Split('/') is ["service", _, var n] && n == serviceName).ToList();
        }

        if (targets.Count == 0)
        {
            var desired = Provenance.SourcedInt(service.View, "desired_count");
            if (desired is null || desired.Value.Value < 1)
            {
                notes.Add(new ImportNote(service.View.RangeOf("desired_count"), $"service {name}: no autoscaling and no known desired_count above 0; 1 replica assumed"));
                return result;
            }

            return result with { Replicas = desired };
        }

        var target = targets[0];
        if (Provenance.SourcedInt(target.View, "min_capacity") is not { } min || Provenance.SourcedInt(target.View, "max_capacity") is not { } max)
        {
            notes.Add(new ImportNote(target.Range, $"service {name}: its autoscaling bounds cannot be known; left as 1 replica"));
            return result;
        }

        Sourced<int>? cpu = null, memory = null;
        ImportedEventSource? eventSource = null;
        foreach (var (policy, view) in PoliciesOf(target, resources))
        {
            if (HclValue.AsString(view.Get("policy_type")) is "StepScaling")
            {
                notes.Add(new ImportNote(policy.Range, $"service {name}: step scaling ({policy.Address}) has no target; Berth models target tracking only"));
                continue;
            }

            if (view.Block("target_tracking_scaling_policy_configuration") is not { } config || Provenance.SourcedInt(config, "target_value") is not { } value)
            {
                if (view.Block("target_tracking_scaling_policy_configuration") is { } unknown && Provenance.IsUnknown(unknown, "target_value"))
                {
                    notes.Add(new ImportNote(unknown.RangeOf("target_value"), $"service {name}: a scaling target cannot be known; Berth's default used"));
                }

                continue;
            }

            var metric = config.Block("predefined_metric_specification") is { } pre ? HclValue.AsString(pre.Get("predefined_metric_type")) : null;
            if (metric == "ECSServiceAverageCPUUtilization")
            {
                cpu = value;
            }
            else if (metric == "ECSServiceAverageMemoryUtilization")
            {
                memory = value;
            }
            else if (config.Block("customized_metric_specification") is { } custom && QueueOf(custom) is { } queue)
            {
                eventSource = new ImportedEventSource(EventSourceType.Sqs, queue, value.Value, custom.Range);
            }
            else
            {
                notes.Add(new ImportNote(config.Range, $"service {name}: a target-tracking policy on {metric ?? "a custom metric"} is not one Berth models (CPU, memory, SQS queue depth)"));
            }
        }

        return result with
        {
            Scaling = new ImportedScaling(min, max, cpu, memory),
            EventSource = eventSource,
        };
    }

    /// <summary>
    /// The policies of a scaling target, each as it applies to it: those whose resource_id refers to it or names its
    /// resource_id, and those made with <c>for_each = aws_appautoscaling_target.NAME</c> (a collection only known after
    /// apply, so read once per target with the target's key as <c>each.key</c>, as Terraform would make them).
    /// </summary>
    private static IEnumerable<(TerraformResource Policy, BlockView View)> PoliciesOf(TerraformResource target, IReadOnlyList<TerraformResource> resources)
    {
        var targetId = HclValue.AsString(target.View.Get("resource_id"));
        foreach (var policy in resources.Where(r => r.Mode == "resource" && r.Type == "aws_appautoscaling_policy" && r.Module == target.Module))
        {
            if (policy.View.Body.Attribute("for_each") is { } fe && Tf.References(fe.Value).Contains("aws_appautoscaling_target." + target.Name))
            {
                if (HclValue.IsUnknown(policy.Key) && target.Key is not null)
                {
                    var each = new HclDictionary();
                    each.Set("key", target.Key);
                    each.Set("value", Unknown.Value);
                    yield return (policy, new BlockView(policy.View.Type, policy.View.Body, policy.View.Scope.With("each", each), policy.View.Range));
                }
                else if (HclValue.Equal(policy.Key, target.Key))
                {
                    yield return (policy, policy.View);
                }

                continue;
            }

            if (Tf.Referenced(policy, "resource_id", "aws_appautoscaling_target").Contains(target)
                || (targetId is not null && HclValue.AsString(policy.View.Get("resource_id")) == targetId))
            {
                yield return (policy, policy.View);
            }
        }
    }

    /// <summary>An SQS queue-depth metric (AWS/SQS ApproximateNumberOfMessagesVisible) and its QueueName dimension.</summary>
    private static string? QueueOf(BlockView custom)
    {
        if (HclValue.AsString(custom.Get("namespace")) != "AWS/SQS")
        {
            return null;
        }

        return custom.Blocks("dimensions").Where(d => HclValue.AsString(d.Get("name")) == "QueueName")
            .Select(d => HclValue.AsString(d.Get("value"))).FirstOrDefault(v => v is not null);
    }

    private static (IReadOnlyList<CapacityProviderItem> Strategy, SourceRange? From)? ClusterDefaultStrategy(IReadOnlyList<TerraformResource> resources, List<ImportNote> notes)
    {
        foreach (var cp in resources.Where(r => r.Mode == "resource" && r.Type == "aws_ecs_cluster_capacity_providers"))
        {
            var items = cp.View.Blocks("default_capacity_provider_strategy");
            if (items.Count == 0)
            {
                continue;
            }

            var strategy = items.Select(Item).ToList();
            if (strategy.Any(s => s.Provider == "?"))
            {
                notes.Add(new ImportNote(items[0].Range, "the cluster's default capacity provider strategy cannot be known"));
                continue;
            }

            return (strategy, items[0].Range);
        }

        return null;
    }

    /// <summary>One item of a capacity provider strategy block; "?" for a provider that cannot be known (ECS defaults base and weight to 0).</summary>
    private static CapacityProviderItem Item(BlockView b) =>
        new(HclValue.AsString(b.Get("capacity_provider")) ?? "?", Provenance.Int(b, "base") ?? 0, Provenance.Int(b, "weight") ?? 0);

    internal static string Describe(IReadOnlyList<CapacityProviderItem> strategy) =>
        string.Join(" + ", strategy.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Provider} {p.Base}/{p.Weight}")));

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/[^\s|'""]*)")]
    private static partial Regex HealthPath();

    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[^:]+:\d+:secret:(?<name>.+?)(-[A-Za-z0-9]{6})?$")]
    private static partial Regex SecretArn();
}
