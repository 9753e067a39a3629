using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Spec;

/// <summary>Reads the YAML node tree of a berth.yaml into a <see cref="BerthSpec"/>, collecting every error.</summary>
internal sealed class SpecReader(string file)
{
    private readonly List<SpecDiagnostic> _errors = [];

    public IReadOnlyList<SpecDiagnostic> Errors => _errors;

    public BerthSpec? ReadRoot(YamlNode root)
    {
        var m = Mapping(root, "berth.yaml", SpecSchema.Root);
        if (m is null)
        {
            return null;
        }

        var version = Required(m, "version", root, "berth.yaml") is { } vNode ? ReadVersion(vNode) : 0;
        var name = Required(m, "name", root, "berth.yaml") is { } nNode ? Name(nNode, "name", 40) : "";
        var region = m.Get("region") is { } rNode ? Region(rNode) : KnownRegions.Default;
        var environment = Enum(m, "", SpecKeys.Root.Environment);
        var team = m.Get("team") is { } tNode ? ReadTeam(tNode) : TeamSpec.Default;
        var requirements = m.Get("requirements") is { } qNode ? ReadRequirements(qNode) : RequirementsSpec.Default;
        var sNode = Required(m, "services", root, "berth.yaml");
        var services = sNode is not null ? ReadServices(sNode) : [];
        if (sNode is not null)
        {
            CheckScale(sNode, services);
        }

        var ecs = m.Get("ecs") is { } ecsNode ? ReadEcs(ecsNode) : EcsSpec.Default;
        var eks = m.Get("eks") is { } eksNode ? ReadEks(eksNode) : EksSpec.Default;
        var pricing = m.Get("pricing") is { } pNode ? ReadPricing(pNode) : PricingSpec.Default;
        var clients = m.Get("clients") is { } cNode ? NameList(cNode, "clients", 40) : [];
        if (clients.Count > SpecLimits.MaxClients && m.Get("clients") is { } tooMany)
        {
            Error(tooMany, $"clients: {clients.Count} clients; Berth plans at most {SpecLimits.MaxClients} (README, Limits): split the product into several specs");
        }

        // A service that asks for GPUs is a GPU requirement, whether or not requirements.gpu says so.
        if (services.Any(s => s.Gpu > 0))
        {
            requirements = requirements with { Gpu = true };
        }

        var simulation = m.Get("simulation") is { } simNode ? ReadSimulation(simNode, services) : SimulationSpec.Default;
        CurrentPlatform? current = m.Get("currentPlatform") is { } curNode
            ? Enum(curNode, "currentPlatform", SpecEnums.CurrentPlatform, CurrentPlatform.EcsFargate)
            : null;

        return new BerthSpec(version, name, region, environment, team, requirements, services, ecs, eks, pricing, clients, file)
        {
            Simulation = simulation,
            CurrentPlatform = current,
        };
    }

    /// <summary>The largest platform Berth plans (<see cref="SpecLimits"/>): beyond it, one error at <c>services</c> with the reason.</summary>
    private void CheckScale(YamlNode servicesNode, List<ServiceSpec> services)
    {
        if (services.Count > SpecLimits.MaxServices)
        {
            Error(servicesNode, string.Create(CultureInfo.InvariantCulture,
                $"services: {services.Count} services after count expansion; Berth plans platforms of at most {SpecLimits.MaxServices} services, beyond which packing and simulation stop finishing in seconds (README, Limits): split the platform into several specs"));
            return;
        }

        var peak = services.Sum(s => (long)s.MaxReplicas);
        if (peak > SpecLimits.MaxPeakReplicas)
        {
            Error(servicesNode, string.Create(CultureInfo.InvariantCulture,
                $"services: {peak} replicas at peak (replicas, or scaling.max, summed over services); Berth plans platforms of at most {SpecLimits.MaxPeakReplicas}, beyond which packing and simulation stop finishing in seconds (README, Limits): lower scaling.max or split the platform into several specs"));
        }
    }

    private int ReadVersion(YamlNode node)
    {
        // Messages quote the number as written: a formatted negative number would follow the current culture.
        if (node is YamlScalarNode { Value: { } text } && IsPlain(node)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            if (v != BerthSpec.CurrentVersion)
            {
                Error(node, $"version: unsupported berth.yaml version {text}; this build of Berth reads version {BerthSpec.CurrentVersion}");
            }

            return (int)Math.Clamp(v, int.MinValue, int.MaxValue);
        }

        Error(node, $"version: expected the berth.yaml format version, {BerthSpec.CurrentVersion}, got {Describe(node)}");
        return 0;
    }

    private string Region(YamlNode node)
    {
        var region = Str(node, "region") ?? KnownRegions.Default;
        if (region.Length > 0 && !KnownRegions.Contains(region))
        {
            Error(node, $"region: unknown AWS region '{region}'{Suggest.DidYouMean(region, KnownRegions.All)}; known regions: {string.Join(", ", KnownRegions.All)}");
            return KnownRegions.Default;
        }

        return region;
    }

    private TeamSpec ReadTeam(YamlNode node)
    {
        var m = Mapping(node, "team", SpecSchema.Team);
        if (m is null)
        {
            return TeamSpec.Default;
        }

        var d = TeamSpec.Default;
        return new TeamSpec(
            Int(m, "team.", SpecKeys.Team.Engineers, d.Engineers),
            Enum(m, "team.", SpecKeys.Team.KubernetesExpertise),
            Int(m, "team.", SpecKeys.Team.OwningTeams, d.OwningTeams),
            Int(m, "team.", SpecKeys.Team.TimelineMonths, d.TimelineMonths),
            Decimal(m, "team.", SpecKeys.Team.HourlyRateUsd, d.HourlyRateUsd));
    }

    private RequirementsSpec ReadRequirements(YamlNode node)
    {
        var m = Mapping(node, "requirements", SpecSchema.Requirements);
        if (m is null)
        {
            return RequirementsSpec.Default;
        }

        const string p = "requirements.";
        return new RequirementsSpec(
            Bool(m, p, SpecKeys.Requirements.Gitops),
            Bool(m, p, SpecKeys.Requirements.ServiceMesh),
            Enum(m, p, SpecKeys.Requirements.MultiTenancy),
            Bool(m, p, SpecKeys.Requirements.EventDrivenScaling),
            Bool(m, p, SpecKeys.Requirements.StatefulWorkloads),
            Bool(m, p, SpecKeys.Requirements.Gpu),
            Bool(m, p, SpecKeys.Requirements.CustomNodeConfig),
            Bool(m, p, SpecKeys.Requirements.LiftAndShift),
            m.Get("operators") is { } ops ? NameList(ops, "requirements.operators", 63) : []);
    }

    private List<ServiceSpec> ReadServices(YamlNode node)
    {
        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"services: expected a list of services, got {Describe(node)}");
            return [];
        }

        if (seq.Children.Count == 0)
        {
            Error(node, "services: the list is empty; expected at least one service");
            return [];
        }

        var declared = new List<(ServiceSpec Service, int Count, YamlNode? CountNode)>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (ReadService(seq.Children[i], $"services[{i}]") is { } s)
            {
                declared.Add(s);
            }
        }

        // Names as written must be unique; then every expanded name must be unique too.
        var firstByName = new Dictionary<string, ServiceSpec>(StringComparer.Ordinal);
        foreach (var (service, _, _) in declared)
        {
            if (firstByName.TryGetValue(service.BaseName, out var first))
            {
                Error(service.Location, $"services: duplicate service name '{service.BaseName}' (first declared at line {first.Location.Line})");
            }
            else
            {
                firstByName[service.BaseName] = service;
            }
        }

        var expanded = new List<ServiceSpec>();
        var owners = new Dictionary<string, ServiceSpec>(StringComparer.Ordinal);
        foreach (var (service, count, countNode) in declared)
        {
            var copies = count == 1
                ? [service]
                : Enumerable.Range(1, count).Select(n => service with { Name = string.Create(CultureInfo.InvariantCulture, $"{service.BaseName}-{n}") }).ToList();
            // One error for the longest name a count makes, not one per copy.
            if (copies.Count > 1 && copies.MaxBy(c => c.Name.Length) is { Name.Length: > 63 } longest)
            {
                Error(countNode ?? (object)service.Location,
                    $"services: count expansion of '{service.BaseName}' makes '{longest.Name}', which is longer than 63 characters; shorten the name");
            }

            foreach (var copy in copies)
            {
                if (owners.TryGetValue(copy.Name, out var owner))
                {
                    if (owner.BaseName == copy.BaseName)
                    {
                        // The same declared name twice: already reported as a duplicate.
                    }
                    else if (countNode is not null)
                    {
                        Error(countNode,
                            $"services: count expansion of '{service.BaseName}' makes '{copy.Name}', which collides with the service declared at line {owner.Location.Line}");
                    }
                    else
                    {
                        // This service is written with the name an earlier service's count expansion made.
                        var ownerCount = declared.First(d => d.Service.BaseName == owner.BaseName);
                        var copyNumber = owner.Name[(owner.BaseName.Length + 1)..];
                        Error(service.Location,
                            $"services: service '{copy.Name}' has the same name as copy {copyNumber} of '{owner.BaseName}' (count: {ownerCount.Count} at line {ownerCount.CountNode?.Start.Line ?? owner.Location.Line}); rename one of them");
                    }
                }
                else
                {
                    owners[copy.Name] = copy;
                    expanded.Add(copy);
                }
            }
        }

        return expanded;
    }

    private (ServiceSpec, int, YamlNode?)? ReadService(YamlNode node, string path)
    {
        // Name the service in messages about its keys too, when its name is a plain valid one.
        var written = node is YamlMappingNode map
            ? map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "name" }).Value as YamlScalarNode
            : null;
        var m = Mapping(node, written?.Value is { } n && Regex.IsMatch(n, SpecSchema.NamePattern) ? $"{path} ({n})" : path, SpecSchema.Service);
        if (m is null)
        {
            return null;
        }

        var nameNode = Required(m, "name", node, path);
        var name = nameNode is not null ? Name(nameNode, path + ".name", 63) : "";
        if (name.Length > 0)
        {
            path = $"{path} ({name})";
        }

        var type = Enum(m, path + ".", SpecKeys.Service.Type);
        var cpu = m.Get("cpu") is { } c ? Cpu(c, path + ".cpu", SpecKeys.Service.Cpu.Value, allowZero: false) : SpecKeys.Service.Cpu.Value;
        var memory = m.Get("memory") is { } mem ? Memory(mem, path + ".memory", SpecKeys.Service.Memory.Value, ByteSize.FromMiB(16)) : SpecKeys.Service.Memory.Value;
        int? replicas = m.Get(SpecKeys.Service.Replicas.Name) is { } r ? Int(r, path + ".replicas", SpecKeys.Service.Replicas, 1) : null;
        var scaling = m.Get("scaling") is { } sc ? ReadScaling(sc, path + ".scaling") : null;
        if (replicas is not null && m.Get("scaling") is not null)
        {
            Error(m.KeyNode("scaling")!, $"{path}: give either replicas (a fixed count) or scaling (autoscaling), not both");
        }

        var demand = m.Get("demand") is { } dm ? Demand(dm, path + ".demand") : DemandProfile.Flat;
        var spot = Bool(m, path + ".", SpecKeys.Service.Spot);
        var arch = Enum(m, path + ".", SpecKeys.Service.Arch);
        var storage = m.Get("storage") is { } st ? Memory(st, path + ".storage", SpecKeys.Service.Storage.Value, ByteSize.FromGiB(1), ByteSize.FromGiB(200)) : SpecKeys.Service.Storage.Value;
        int? port = m.Get(SpecKeys.Service.Port.Name) is { } p ? Int(p, path + ".port", SpecKeys.Service.Port, ServiceSpec.DefaultPort) : type == ServiceType.Worker ? null : ServiceSpec.DefaultPort;
        var health = m.Get("healthCheck") is { } h ? Pattern(h, path + ".healthCheck", SpecKeys.Service.HealthCheck.Pattern, "a path starting with '/', such as /health") : SpecKeys.Service.HealthCheck.Value;
        var secrets = m.Get("secrets") is { } se ? ReadSecrets(se, path + ".secrets") : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var eventSource = m.Get("eventSource") is { } ev ? ReadEventSource(ev, path + ".eventSource") : null;
        var graceful = Bool(m, path + ".", SpecKeys.Service.GracefulShutdown);
        var countNode = m.Get("count");
        var count = countNode is not null ? Int(countNode, path + ".count", SpecKeys.Service.Count, SpecKeys.Service.Count.Value) : SpecKeys.Service.Count.Value;
        var team = m.Get("team") is { } tm ? Team(tm, path + ".team") : null;
        var gpu = Int(m, path + ".", SpecKeys.Service.Gpu, SpecKeys.Service.Gpu.Value);
        var gpuType = m.Get("gpuType") is { } gt
            ? Pattern(gt, path + ".gpuType", SpecSchema.GpuTypePattern, "a GPU model as Karpenter names it, such as nvidia-l4, nvidia-a10g or l4")
            : null;
        if (gpuType is not null && gpu == 0 && m.KeyNode("gpuType") is { } gtKey)
        {
            Error(gtKey, $"{path}: gpuType is set but gpu is not; add gpu: <count> (GPUs per replica)");
        }

        var service = new ServiceSpec(name, type, cpu, memory, replicas, scaling, demand, spot, arch, storage, port, health,
            secrets, eventSource, graceful, name, Loc(nameNode ?? node))
        {
            Team = team,
            Gpu = gpu,
            GpuType = string.IsNullOrEmpty(gpuType) ? null : gpuType,
            StorageRequested = m.Get("storage") is not null,
            CpuAt = Loc(m.Get("cpu") ?? nameNode ?? node),
            MemoryAt = Loc(m.Get("memory") ?? nameNode ?? node),
        };
        return name.Length == 0 ? null : (service, count, countNode);
    }

    private ScalingSpec? ReadScaling(YamlNode node, string path)
    {
        var m = Mapping(node, path, SpecSchema.Scaling);
        if (m is null)
        {
            return null;
        }

        var minNode = Required(m, "min", node, path);
        var maxNode = Required(m, "max", node, path);
        var min = minNode is not null ? Int(minNode, path + ".min", SpecKeys.Scaling.Min, 1) : 1;
        var max = maxNode is not null ? Int(maxNode, path + ".max", SpecKeys.Scaling.Max, Math.Max(1, min)) : Math.Max(1, min);
        if (minNode is not null && maxNode is not null && min > max)
        {
            Error(minNode, $"{path}: min ({min}) is greater than max ({max}); expected min <= max");
        }

        var cpuTarget = Int(m, path + ".", SpecKeys.Scaling.CpuTarget, SpecKeys.Scaling.CpuTarget.Value);
        var memTarget = Int(m, path + ".", SpecKeys.Scaling.MemoryTarget, SpecKeys.Scaling.MemoryTarget.Value);
        return new ScalingSpec(min, max, cpuTarget, memTarget);
    }

    private DemandProfile Demand(YamlNode node, string path)
    {
        if (node is YamlScalarNode s)
        {
            var shape = s.Value ?? "";
            if (DemandProfile.Shapes.Contains(shape, StringComparer.Ordinal))
            {
                return DemandProfile.Named(shape);
            }

            Error(node, $"{path}: unknown demand shape '{shape}'{Suggest.DidYouMean(shape, DemandProfile.Shapes)}; expected one of {string.Join(", ", DemandProfile.Shapes)}, or a list of 24 or 168 values in 0..1");
            return DemandProfile.Flat;
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"{path}: expected a demand shape ({string.Join(", ", DemandProfile.Shapes)}) or a list of 24 or 168 values in 0..1, got {Describe(node)}");
            return DemandProfile.Flat;
        }

        if (seq.Children.Count is not (DemandProfile.HoursPerDay or DemandProfile.HoursPerWeek))
        {
            Error(node, $"{path}: a demand list has 24 values (one per hour of a day) or 168 (one per hour of a week, Monday first), got {seq.Children.Count}");
            return DemandProfile.Flat;
        }

        var values = new double[seq.Children.Count];
        var ok = true;
        for (var i = 0; i < values.Length; i++)
        {
            var item = seq.Children[i];
            if (item is YamlScalarNode { Value: { } text } && IsPlain(item)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                if (v is < 0 or > 1)
                {
                    Error(item, $"{path}[{i}]: demand {text} is out of range; expected a fraction of peak from 0 to 1");
                    ok = false;
                }

                values[i] = v;
            }
            else
            {
                Error(item, $"{path}[{i}]: expected a number from 0 to 1, got {Describe(item)}");
                ok = false;
            }
        }

        return ok ? DemandProfile.Custom(values) : DemandProfile.Flat;
    }

    private SortedDictionary<string, string> ReadSecrets(YamlNode node, string path)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (SpecLoader.IsNull(node))
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"{path}: expected a mapping of ENV_NAME: secret-name, got {Describe(node)}");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                Error(k, $"{path}: expected an environment variable name as the key, got {Describe(k)}");
                continue;
            }

            if (!Regex.IsMatch(key, SpecSchema.EnvNamePattern))
            {
                Error(k, $"{path}: '{key}' is not an environment variable name; expected letters, digits and '_', not starting with a digit");
                continue;
            }

            if (v is YamlScalarNode { Value: { Length: > 0 } secret } && !SpecLoader.IsNull(v))
            {
                result[key] = secret;
            }
            else
            {
                Error(v, $"{path}.{key}: expected the name or ARN of a Secrets Manager secret, got {Describe(v)}");
            }
        }

        return result;
    }

    private EventSourceSpec? ReadEventSource(YamlNode node, string path)
    {
        var m = Mapping(node, path, SpecSchema.EventSource);
        if (m is null)
        {
            return null;
        }

        var typeNode = Required(m, "type", node, path);
        var nameNode = Required(m, "name", node, path);
        var type = typeNode is not null ? Enum(typeNode, path + ".type", SpecEnums.EventSource, EventSourceType.Sqs) : EventSourceType.Sqs;
        var name = nameNode is not null ? Str(nameNode, path + ".name") ?? "" : "";
        var target = Int(m, path + ".", SpecKeys.EventSource.TargetPerReplica, SpecKeys.EventSource.TargetPerReplica.Value);
        int? partitions = null;
        if (m.Get("partitions") is { } pNode)
        {
            partitions = Int(pNode, path + ".partitions", SpecKeys.EventSource.Partitions, 1);
            if (type != EventSourceType.Kafka)
            {
                Error(m.KeyNode("partitions")!, $"{path}.partitions: partitions are a Kafka topic's; an {SpecEnums.EventSource.NameOf(type)} queue has none (remove it or use type: kafka)");
                partitions = null;
            }
        }

        return new EventSourceSpec(type, name, target) { Partitions = partitions };
    }

    private EcsSpec ReadEcs(YamlNode node)
    {
        var m = Mapping(node, "ecs", SpecSchema.Ecs);
        if (m?.Get("capacityProviderStrategy") is not { } sNode)
        {
            return EcsSpec.Default;
        }

        if (sNode is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Error(sNode, $"ecs.capacityProviderStrategy: expected a non-empty list of {{ provider, base, weight }}, got {Describe(sNode)}");
            return EcsSpec.Default;
        }

        var items = new List<CapacityProviderItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        YamlNode? baseSetAt = null;
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"ecs.capacityProviderStrategy[{i}]";
            var im = Mapping(seq.Children[i], path, SpecSchema.CapacityProvider);
            if (im is null)
            {
                continue;
            }

            var providerNode = Required(im, "provider", seq.Children[i], path);
            var provider = "";
            if (providerNode is not null && Str(providerNode, path + ".provider") is { } p)
            {
                if (!EcsSpec.KnownProviders.Contains(p, StringComparer.Ordinal))
                {
                    Error(providerNode, $"{path}.provider: unknown capacity provider '{p}'{Suggest.DidYouMean(p, EcsSpec.KnownProviders)}; known providers: {string.Join(", ", EcsSpec.KnownProviders)}");
                }
                else if (!seen.Add(p))
                {
                    Error(providerNode, $"{path}.provider: {p} appears twice; each capacity provider may appear once in a strategy");
                }
                else
                {
                    provider = p;
                }
            }

            var baseNode = im.Get("base");
            var @base = baseNode is not null ? Int(baseNode, path + ".base", SpecKeys.CapacityProvider.Base, SpecKeys.CapacityProvider.Base.Value) : SpecKeys.CapacityProvider.Base.Value;
            if (@base > 0)
            {
                if (baseSetAt is not null)
                {
                    // ECS: "Only one capacity provider in a capacity provider strategy can have a base defined."
                    Error(baseNode!, $"{path}.base: only one capacity provider in a strategy may set base (ECS rule); it is already set at line {baseSetAt.Start.Line}");
                }

                baseSetAt ??= baseNode;
            }

            var weight = Int(im, path + ".", SpecKeys.CapacityProvider.Weight, SpecKeys.CapacityProvider.Weight.Value);
            if (provider.Length > 0)
            {
                items.Add(new CapacityProviderItem(provider, @base, weight));
            }
        }

        if (items.Count > 0 && items.All(i => i.Weight == 0))
        {
            Error(sNode, "ecs.capacityProviderStrategy: every weight is 0; expected at least one provider with weight > 0");
        }

        return items.Count > 0 ? new EcsSpec(items) : EcsSpec.Default;
    }

    private EksSpec ReadEks(YamlNode node)
    {
        var m = Mapping(node, "eks", SpecSchema.Eks);
        if (m is null)
        {
            return EksSpec.Default;
        }

        var d = EksSpec.Default;
        var version = m.Get("version") is { } v ? Pattern(v, "eks.version", SpecKeys.Eks.Version.Pattern, "a Kubernetes version such as \"1.35\"") : d.Version;
        var tier = Enum(m, "eks.", SpecKeys.Eks.SupportTier);
        var groups = m.Get("nodeGroups") is { } g ? ReadNodeGroups(g) : d.NodeGroups;
        var karpenter = m.Get("karpenter") is { } k ? ReadKarpenter(k) : d.Karpenter;
        var overhead = d.DaemonSetOverhead;
        if (m.Get("daemonSetOverhead") is { } o && Mapping(o, "eks.daemonSetOverhead", SpecSchema.ResourcePair) is { } om)
        {
            overhead = new ResourceOverhead(
                om.Get("cpu") is { } c ? Cpu(c, "eks.daemonSetOverhead.cpu", overhead.Cpu, allowZero: true) : overhead.Cpu,
                om.Get("memory") is { } mem ? Memory(mem, "eks.daemonSetOverhead.memory", overhead.Memory, new ByteSize(0)) : overhead.Memory);
        }

        return new EksSpec(version, tier, groups, karpenter, overhead);
    }

    private List<NodeGroupSpec> ReadNodeGroups(YamlNode node)
    {
        var result = new List<NodeGroupSpec>();
        if (SpecLoader.IsNull(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"eks.nodeGroups: expected a list of node groups, got {Describe(node)}");
            return result;
        }

        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"eks.nodeGroups[{i}]";
            var m = Mapping(seq.Children[i], path, SpecSchema.NodeGroup);
            if (m is null)
            {
                continue;
            }

            var nameNode = Required(m, "name", seq.Children[i], path);
            var typeNode = Required(m, "instanceType", seq.Children[i], path);
            var countNode = Required(m, "count", seq.Children[i], path);
            var name = nameNode is not null ? Name(nameNode, path + ".name", 63) : "";
            if (nameNode is not null && name.Length > 0 && !names.TryAdd(name, nameNode))
            {
                Error(nameNode, $"{path}.name: duplicate node group name '{name}' (first declared at line {names[name].Start.Line})");
            }

            var type = typeNode is not null ? InstanceType(typeNode, path + ".instanceType") : "";
            var count = countNode is not null ? Int(countNode, path + ".count", SpecKeys.NodeGroup.Count, 1) : 1;
            var capacity = Enum(m, path + ".", SpecKeys.NodeGroup.CapacityType);
            result.Add(new NodeGroupSpec(name, type, count, capacity, Loc(typeNode ?? seq.Children[i])));
        }

        return result;
    }

    private KarpenterSpec ReadKarpenter(YamlNode node)
    {
        var d = KarpenterSpec.Default;
        var m = Mapping(node, "eks.karpenter", SpecSchema.Karpenter);
        if (m is null)
        {
            return d;
        }

        const string p = "eks.karpenter.";
        return new KarpenterSpec(
            Bool(m, p, SpecKeys.Karpenter.Enabled),
            m.Get("instanceCategories") is { } ic ? PatternList(ic, p + "instanceCategories", "^[a-z]+$", "an instance category letter such as c, m or r", "instance category letters such as c, m or r", nonEmpty: true) : d.InstanceCategories,
            m.Get(SpecKeys.Karpenter.InstanceCpu.Name) is { } cpu ? IntList(cpu, p + "instanceCpu", SpecKeys.Karpenter.InstanceCpu) : d.InstanceCpu,
            m.Get("instanceFamilies") is { } f ? PatternList(f, p + "instanceFamilies", "^[a-z][a-z0-9-]*$", "an instance family such as m5 or c7g", "instance families such as m5 or c7g", nonEmpty: false) : d.InstanceFamilies,
            m.Get(SpecKeys.Karpenter.InstanceGenerations.Name) is { } g ? IntList(g, p + "instanceGenerations", SpecKeys.Karpenter.InstanceGenerations) : d.InstanceGenerations,
            m.Get("capacityTypes") is { } ct ? EnumList(ct, p + "capacityTypes", SpecEnums.CapacityType) : d.CapacityTypes,
            m.Get("arch") is { } a ? EnumList(a, p + "arch", SpecEnums.NodeArch) : d.Arch,
            Enum(m, p, SpecKeys.Karpenter.Consolidation),
            m.Get("consolidateAfter") is { } ca ? Duration(ca, p + "consolidateAfter", d.ConsolidateAfter) : d.ConsolidateAfter);
    }

    private PricingSpec ReadPricing(YamlNode node)
    {
        var d = PricingSpec.Default;
        var m = Mapping(node, "pricing", SpecSchema.Pricing);
        if (m is null)
        {
            return d;
        }

        var hours = Decimal(m, "pricing.", SpecKeys.Pricing.HoursPerMonth, d.HoursPerMonth);
        var catalog = d.Catalog;
        if (m.Get("catalog") is { } c && Str(c, "pricing.catalog") is { Length: > 0 } catalogPath)
        {
            catalog = catalogPath;
            if (catalogPath != PricingSpec.EmbeddedCatalog)
            {
                var full = PricingSpec.CatalogFile(catalogPath, file);
                var kind = Files.FileKinds.Of(full);
                if (kind == Files.FileKind.Missing)
                {
                    Error(c, $"pricing.catalog: catalog file '{catalogPath}' not found (relative to this file); expected 'embedded' or the path of a catalog file");
                }
                else if (kind != Files.FileKind.Regular)
                {
                    Error(c, $"pricing.catalog: '{catalogPath}' is {Files.FileKinds.Describe(kind)}, not a regular file; expected 'embedded' or the path of a catalog file");
                }
            }
        }

        FargatePriceOverride? fargate = null;
        var ec2 = new SortedDictionary<string, Ec2PriceOverride>(StringComparer.Ordinal);
        if (m.Get("overrides") is { } o && Mapping(o, "pricing.overrides", SpecSchema.Overrides) is { } om)
        {
            if (om.Get("fargate") is { } f && Mapping(f, "pricing.overrides.fargate", SpecSchema.FargateOverride) is { } fm)
            {
                fargate = new FargatePriceOverride(
                    OptionalDecimal(fm, "pricing.overrides.fargate.", SpecKeys.FargateOverride.VcpuHour),
                    OptionalDecimal(fm, "pricing.overrides.fargate.", SpecKeys.FargateOverride.GbHour),
                    OptionalDecimal(fm, "pricing.overrides.fargate.", SpecKeys.FargateOverride.SpotDiscount),
                    OptionalDecimal(fm, "pricing.overrides.fargate.", SpecKeys.FargateOverride.SpotInterruptionRate))
                {
                    SpotLaunchFailureRate = OptionalDecimal(fm, "pricing.overrides.fargate.", SpecKeys.FargateOverride.SpotLaunchFailureRate),
                };
            }

            if (om.Get("ec2") is { } e && !SpecLoader.IsNull(e))
            {
                if (e is not YamlMappingNode em)
                {
                    Error(e, $"pricing.overrides.ec2: expected a mapping of instance type to {{ onDemand, spot }}, got {Describe(e)}");
                }
                else
                {
                    foreach (var (k, v) in em.Children)
                    {
                        var type = InstanceType(k, "pricing.overrides.ec2");
                        var path = "pricing.overrides.ec2." + type;
                        if (type.Length > 0 && Mapping(v, path, SpecSchema.Ec2Override) is { } vm)
                        {
                            ec2[type] = new Ec2PriceOverride(
                                OptionalDecimal(vm, path + ".", SpecKeys.Ec2Override.OnDemand),
                                OptionalDecimal(vm, path + ".", SpecKeys.Ec2Override.Spot),
                                Loc(k));
                        }
                    }
                }
            }
        }

        var savingsPlan = d.ComputeSavingsPlan;
        if (m.Get("discounts") is { } ds && Mapping(ds, "pricing.discounts", SpecSchema.Discounts) is { } dm
            && dm.Get("computeSavingsPlan") is { } sp2)
        {
            savingsPlan = Decimal(sp2, "pricing.discounts.computeSavingsPlan", SpecKeys.Discounts.ComputeSavingsPlan, SpecKeys.Discounts.ComputeSavingsPlan.Value);
        }

        EngineeringHoursOverride? engineering = null;
        if (m.Get("engineeringHoursPerMonth") is { } en && Mapping(en, "pricing.engineeringHoursPerMonth", SpecSchema.EngineeringHours) is { } enm)
        {
            engineering = new EngineeringHoursOverride(
                OptionalDecimal(enm, "pricing.engineeringHoursPerMonth.", SpecKeys.EngineeringHours.EcsFargate),
                OptionalDecimal(enm, "pricing.engineeringHoursPerMonth.", SpecKeys.EngineeringHours.Eks));
        }

        return new PricingSpec(hours, catalog, fargate, ec2, savingsPlan, engineering);
    }

    private SimulationSpec ReadSimulation(YamlNode node, IReadOnlyList<ServiceSpec> services)
    {
        var m = Mapping(node, "simulation", SpecSchema.Simulation);
        if (m is null)
        {
            return SimulationSpec.Default;
        }

        var d = NoiseSpec.Default;
        var noise = d;
        if (m.Get("noise") is { } nNode && Mapping(nNode, "simulation.noise", SpecSchema.Noise) is { } nm)
        {
            noise = new NoiseSpec(
                (double)Decimal(nm, "simulation.noise.", SpecKeys.Noise.Amplitude, (decimal)d.Amplitude),
                Int(nm, "simulation.noise.", SpecKeys.Noise.CorrelationMinutes, d.CorrelationMinutes),
                (double)Decimal(nm, "simulation.noise.", SpecKeys.Noise.Shared, (decimal)d.Shared));
        }

        var events = new List<DemandEventSpec>();
        if (m.Get("events") is { } eNode && Sequence(eNode, "simulation.events", "demand events") is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadDemandEvent(items[i], i, services) is { } e)
                {
                    events.Add(e);
                }
            }
        }

        return new SimulationSpec(noise, events);
    }

    private DemandEventSpec? ReadDemandEvent(YamlNode node, int index, IReadOnlyList<ServiceSpec> services)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"simulation.events[{index}]");
        var m = Mapping(node, path, SpecSchema.DemandEvent);
        if (m is null)
        {
            return null;
        }

        var name = m.Get("name") is { } n ? Name(n, path + ".name", 63) : "";
        if (name.Length > 0)
        {
            path = $"{path} ({name})";
        }

        var dayNode = Required(m, "day", node, path);
        var atNode = Required(m, "at", node, path);
        var durationNode = Required(m, "duration", node, path);
        var multiplierNode = Required(m, "multiplier", node, path);
        var day = dayNode is not null ? Int(dayNode, path + ".day", SpecKeys.DemandEvent.Day, 1) : 1;
        var at = atNode is not null ? Pattern(atNode, path + ".at", SpecSchema.TimeOfDayPattern, "a time of day such as \"09:30\" (24-hour, quoted)") : "";
        var duration = TimeSpan.Zero;
        if (durationNode is not null)
        {
            if (Duration(durationNode, path + ".duration", TimeSpan.Zero) is { } length)
            {
                duration = length;
                if (length <= TimeSpan.Zero)
                {
                    Error(durationNode, $"{path}.duration: the event lasts no time; expected a duration such as 30m or 2h");
                }
            }
            else
            {
                Error(durationNode, $"{path}.duration: an event cannot last forever (Never); expected a duration such as 30m or 2h");
            }
        }

        var multiplier = multiplierNode is not null ? (double)Decimal(multiplierNode, path + ".multiplier", SpecKeys.DemandEvent.Multiplier, 1) : 1;
        var named = new List<string>();
        if (m.Get("services") is { } sNode)
        {
            var list = UniqueList(sNode, path + ".services", "service names", (item, p) => item is YamlScalarNode { Value: { } v } ? v : Name(item, p, 63), v => v.Length > 0);
            var items = sNode as YamlSequenceNode;
            for (var k = 0; k < list.Count; k++)
            {
                // A name as written: a service, or every copy of a service with count.
                var matches = services.Where(s => s.Name == list[k] || s.BaseName == list[k]).Select(s => s.Name).ToList();
                if (matches.Count == 0)
                {
                    var known = services.Select(s => s.BaseName).Distinct().ToArray();
                    Error(items?.Children.FirstOrDefault(c => c is YamlScalarNode { Value: { } v } && v == list[k]) ?? sNode,
                        $"{path}.services: no service is named '{list[k]}'{Suggest.DidYouMean(list[k], known)}; services: {string.Join(", ", known)}");
                }

                named.AddRange(matches.Where(x => !named.Contains(x)));
            }
        }

        var time = at.Length == 5 ? new TimeSpan(int.Parse(at[..2], CultureInfo.InvariantCulture), int.Parse(at[3..], CultureInfo.InvariantCulture), 0) : TimeSpan.Zero;
        return new DemandEventSpec(name.Length > 0 ? name : string.Create(CultureInfo.InvariantCulture, $"event {index + 1}"),
            day, time, duration, multiplier, named, Loc(node));
    }

    // ---- primitives -------------------------------------------------------------------------------------

    /// <summary>The keys of a mapping, after checking that it is one and that every key is known.</summary>
    private sealed class Keys(Dictionary<string, YamlNode> values, Dictionary<string, YamlNode> keys, HashSet<string>? misspelt = null)
    {
        /// <summary>Whether an unknown key of this mapping was reported as a misspelling of <paramref name="key"/>.</summary>
        public bool Misspelt(string key) => misspelt?.Contains(key) == true;

        /// <summary>The key itself, for errors about the entry as a whole rather than its value.</summary>
        public YamlNode? KeyNode(string key) => keys.GetValueOrDefault(key);

        public YamlNode? Get(string key) =>
            values.TryGetValue(key, out var node) && !SpecLoader.IsNull(node) ? node : null;

        public bool Has(string key) => values.ContainsKey(key);
    }

    private Keys? Mapping(YamlNode node, string path, SchemaObject schema)
    {
        if (SpecLoader.IsNull(node))
        {
            return new Keys([], []);
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"{path}: expected a mapping with keys {string.Join(", ", schema.Keys)}, got {Describe(node)}");
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var misspelt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                Error(k, $"{path}: expected a plain key, got {Describe(k)}");
                continue;
            }

            if (!schema.Keys.Contains(key, StringComparer.Ordinal))
            {
                Error(k, $"{path}: unknown key '{key}'{Suggest.DidYouMean(key, schema.Keys)}; expected one of {string.Join(", ", schema.Keys)}");
                if (Suggest.Closest(key, schema.Keys) is { } meant)
                {
                    misspelt.Add(meant);
                }

                continue;
            }

            values[key] = v;
            keys[key] = k;
        }

        return new Keys(values, keys, misspelt);
    }

    private YamlNode? Required(Keys m, string key, YamlNode parent, string path)
    {
        if (m.Get(key) is { } node)
        {
            return node;
        }

        if (m.Misspelt(key) && !m.Has(key))
        {
            // "unknown key 'servics' (did you mean 'services'?)" at the misspelling is the error to fix; "missing
            // required key 'services'" at the top of the mapping would only send the reader looking in the wrong place.
            return null;
        }

        Error(parent, $"{path}: missing required key '{key}'");
        return null;
    }

    private static bool IsPlain(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };

    private string? Str(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } v })
        {
            return v;
        }

        Error(node, $"{path}: expected a string, got {Describe(node)}");
        return null;
    }

    private string Pattern(YamlNode node, string path, string pattern, string expected)
    {
        var s = Str(node, path);
        if (s is null)
        {
            return "";
        }

        if (!Regex.IsMatch(s, pattern, RegexOptions.CultureInvariant))
        {
            Error(node, $"{path}: '{s}' is not valid; expected {expected}");
            return "";
        }

        return s;
    }

    private string Name(YamlNode node, string path, int maxLength)
    {
        var s = Pattern(node, path, SpecSchema.NamePattern, "lowercase letters, digits and '-', starting with a letter and not ending with '-'");
        if (s.Length > maxLength)
        {
            Error(node, $"{path}: '{s}' is {s.Length} characters; expected at most {maxLength}");
            return "";
        }

        return s;
    }

    /// <summary>A team name becomes a Kubernetes namespace: a DNS-1123 label, and none Kubernetes or the generated
    /// platform already uses.</summary>
    private string? Team(YamlNode node, string path)
    {
        var s = Pattern(node, path, SpecSchema.DnsLabelPattern, "a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit");
        if (s.Length == 0)
        {
            return null;
        }

        if (s.Length > 63)
        {
            Error(node, $"{path}: '{s}' is {s.Length} characters; expected at most 63 (a DNS-1123 label)");
            return null;
        }

        if (Regex.IsMatch(s, SpecSchema.ReservedTeamPattern, RegexOptions.CultureInvariant))
        {
            Error(node, $"{path}: '{s}' is a namespace Kubernetes or the generated platform already uses; expected another team name (not default, kube-*, argocd, keda or platform)");
            return null;
        }

        return s;
    }

    private string InstanceType(YamlNode node, string path) =>
        Pattern(node, path, SpecSchema.InstanceTypePattern, "an EC2 instance type such as m5.xlarge");

    /// <summary>The key's value in the mapping, checked against its declared range, or <paramref name="absent"/> when the mapping has no such key.</summary>
    private int Int(Keys m, string prefix, IntKey key, int absent) =>
        m.Get(key.Name) is { } node ? Int(node, prefix + key.Name, key, absent) : absent;

    private int Int(YamlNode node, string path, IntKey key, int fallback) => Int(node, path, key.Min, key.Max, fallback);

    /// <summary>The key's value in the mapping, or its default when the mapping has no such key.</summary>
    private bool Bool(Keys m, string prefix, BoolKey key) =>
        m.Get(key.Name) is { } node ? Bool(node, prefix + key.Name, key.Default) : key.Default;

    /// <summary>The key's value in the mapping, one of its spellings, or its default when the mapping has no such key.</summary>
    private T Enum<T>(Keys m, string prefix, EnumKey<T> key)
        where T : struct, Enum =>
        m.Get(key.Name) is { } node ? Enum(node, prefix + key.Name, key.Names, key.Value) : key.Value;

    private decimal Decimal(Keys m, string prefix, DecimalKey key, decimal absent) =>
        m.Get(key.Name) is { } node ? Decimal(node, prefix + key.Name, key, absent) : absent;

    /// <summary>The key's value, or null when it is not there (a key without a default).</summary>
    private decimal? OptionalDecimal(Keys m, string prefix, DecimalKey key) =>
        m.Get(key.Name) is { } node ? Decimal(node, prefix + key.Name, key, key.Min) : null;

    private decimal Decimal(YamlNode node, string path, DecimalKey key, decimal fallback) => Decimal(node, path, key.Min, key.Max, fallback);

    private List<int> IntList(YamlNode node, string path, IntListKey key) => IntList(node, path, key.Min, key.Max);

    private int Int(YamlNode node, string path, int min, int max, int fallback)
    {
        if (node is YamlScalarNode { Value: { } text } && IsPlain(node))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            {
                if (v < min || v > max)
                {
                    Error(node, $"{path}: {text} is out of range; expected a whole number from {min} to {max}");
                    return fallback;
                }

                return (int)v;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                Error(node, $"{path}: expected a whole number from {min} to {max}, got {text}");
                return fallback;
            }
        }

        Error(node, $"{path}: expected a whole number from {min} to {max}, got {Describe(node)}");
        return fallback;
    }

    private decimal Decimal(YamlNode node, string path, decimal min, decimal max, decimal fallback)
    {
        var range = $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        if (node is YamlScalarNode { Value: { } text } && IsPlain(node)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            if (v < min || v > max)
            {
                Error(node, $"{path}: {text} is out of range; expected a number from {range}");
                return fallback;
            }

            return v;
        }

        Error(node, $"{path}: expected a number from {range}, got {Describe(node)}");
        return fallback;
    }

    private bool Bool(YamlNode node, string path, bool fallback)
    {
        if (node is YamlScalarNode { Value: { } text } && IsPlain(node))
        {
            switch (text)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Error(node, $"{path}: expected true or false, got {Describe(node)}");
        return fallback;
    }

    private T Enum<T>(YamlNode node, string path, EnumNames<T> names, T fallback)
        where T : struct, Enum
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            if (names.TryParse(text, out var v))
            {
                return v;
            }

            Error(node, $"{path}: unknown value '{text}'{Suggest.DidYouMean(text, names.All)}; expected one of {string.Join(", ", names.All)}");
            return fallback;
        }

        Error(node, $"{path}: expected one of {string.Join(", ", names.All)}, got {Describe(node)}");
        return fallback;
    }

    private Millicores Cpu(YamlNode node, string path, Millicores fallback, bool allowZero)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            if (allowZero && text.Trim() is "0" or "0m")
            {
                return new Millicores(0);
            }

            if (QuantityParser.TryParseCpu(text, out var v, out var problem))
            {
                return v;
            }

            Error(node, $"{path}: '{text}' {problem ?? "is not a CPU quantity"}; expected {QuantityParser.CpuExpected}");
            return fallback;
        }

        Error(node, $"{path}: expected {QuantityParser.CpuExpected}, got {Describe(node)}");
        return fallback;
    }

    private ByteSize Memory(YamlNode node, string path, ByteSize fallback, ByteSize min, ByteSize? max = null)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            if (min.Bytes == 0 && text.Trim() == "0")
            {
                return new ByteSize(0);
            }

            if (!QuantityParser.TryParseBytes(text, out var v, out var problem))
            {
                var hint = text.EndsWith('b')
                    ? " ('b' would mean bits; write Mi, Gi, MB or GB)"
                    : "";
                Error(node, $"{path}: '{text}' {problem ?? "is not a memory quantity"}{hint}; expected {QuantityParser.MemoryExpected}");
                return fallback;
            }

            if (v.Bytes < min.Bytes)
            {
                var hint = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare)
                    ? $" (a number without a unit is bytes: did you mean {bare}Mi?)"
                    : "";
                Error(node, $"{path}: '{text}' is less than {min}{hint}; expected {QuantityParser.MemoryExpected}");
                return fallback;
            }

            if (max is { } mx && v.Bytes > mx.Bytes)
            {
                Error(node, $"{path}: '{text}' is more than {mx}; expected at most {mx}");
                return fallback;
            }

            return v;
        }

        Error(node, $"{path}: expected {QuantityParser.MemoryExpected}, got {Describe(node)}");
        return fallback;
    }

    private const int MaxDurationHours = 8760;

    private TimeSpan? Duration(YamlNode node, string path, TimeSpan? fallback)
    {
        const string expected = "a duration such as 30s, 5m, 1h30m, or Never";
        if (node is YamlScalarNode { Value: "" })
        {
            Error(node, $"{path}: the duration is empty; expected {expected}");
            return fallback;
        }

        var text = Pattern(node, path, SpecSchema.DurationPattern, expected);
        if (text.Length == 0)
        {
            return fallback;
        }

        if (text == DurationKey.Never)
        {
            return null;
        }

        var seconds = DurationKey.Seconds(text);
        if (seconds > MaxDurationHours * 3600)
        {
            Error(node, string.Create(CultureInfo.InvariantCulture, $"{path}: '{text}' is longer than {MaxDurationHours}h (a year); expected a duration such as 30s, 5m, 1h30m, or Never"));
            return fallback;
        }

        return TimeSpan.FromSeconds((double)seconds);
    }

    private List<YamlNode>? Sequence(YamlNode node, string path, string itemDescription)
    {
        if (SpecLoader.IsNull(node))
        {
            return [];
        }

        if (node is YamlSequenceNode seq)
        {
            return seq.Children.ToList();
        }

        Error(node, $"{path}: expected a list of {itemDescription}, got {Describe(node)}");
        return null;
    }

    private List<string> NameList(YamlNode node, string path, int maxLength) =>
        UniqueList(node, path, "names", (item, p) => Name(item, p, maxLength), s => s.Length > 0);

    private List<string> PatternList(YamlNode node, string path, string pattern, string expected, string itemsDescription, bool nonEmpty)
    {
        var list = UniqueList(node, path, itemsDescription, (item, p) => Pattern(item, p, pattern, expected), s => s.Length > 0);
        if (nonEmpty && node is YamlSequenceNode { Children.Count: 0 })
        {
            Error(node, $"{path}: the list is empty; expected at least one: {itemsDescription}");
        }

        return list;
    }

    private List<int> IntList(YamlNode node, string path, int min, int max) =>
        UniqueList(node, path, "whole numbers", (item, p) => Int(item, p, min, max, int.MinValue), v => v != int.MinValue);

    private List<T> EnumList<T>(YamlNode node, string path, EnumNames<T> names)
        where T : struct, Enum
    {
        var valid = true;
        var list = UniqueList(node, path, string.Join(" / ", names.All), (item, p) =>
        {
            if (item is YamlScalarNode { Value: { } t } && names.TryParse(t, out var v))
            {
                return v;
            }

            Enum(item, p, names, default);
            valid = false;
            return default;
        }, _ => true);
        if (valid && node is YamlSequenceNode { Children.Count: 0 })
        {
            Error(node, $"{path}: the list is empty; expected at least one of {string.Join(", ", names.All)}");
        }

        return valid ? list : [];
    }

    private List<T> UniqueList<T>(YamlNode node, string path, string itemDescription, Func<YamlNode, string, T> read, Func<T, bool> ok)
    {
        var result = new List<T>();
        if (Sequence(node, path, itemDescription) is not { } items)
        {
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var value = read(items[i], $"{path}[{i}]");
            if (!ok(value))
            {
                continue;
            }

            if (result.Contains(value))
            {
                Error(items[i], $"{path}[{i}]: '{items[i]}' is listed twice");
                continue;
            }

            result.Add(value);
        }

        return result;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when SpecLoader.IsNull(s) => "nothing",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } s => $"the string \"{s.Value}\"",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };

    private SourceLocation Loc(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private void Error(YamlNode node, string message) => _errors.Add(new SpecDiagnostic(Loc(node), OneLine(message)));

    /// <summary>A diagnostic is one line (file:line:column: error: ...): control characters in quoted values are escaped.</summary>
    private static string OneLine(string message) =>
        message.Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);

    private void Error(object at, string message)
    {
        var location = at switch
        {
            YamlNode n => Loc(n),
            SourceLocation l => l,
            _ => new SourceLocation(file, 0, 0),
        };
        _errors.Add(new SpecDiagnostic(location, OneLine(message)));
    }
}
