using System.Globalization;
using Berth.Linting;
using Berth.Linting.Kubernetes;
using Berth.Spec;
using YamlDotNet.RepresentationModel;

namespace Berth.Importing;

/// <summary>
/// An EKS platform's workloads from Kubernetes YAML (plain manifests, kustomize output, generated files): Deployments,
/// StatefulSets and Argo Rollouts as services; DaemonSets as the per-node overhead; HPAs and KEDA ScaledObjects as
/// scaling; Services and Ingresses for the type; ArgoCD Applications, namespaces, meshes, volume claims and CRDs as
/// requirements; Karpenter NodePools as the node plan.
/// </summary>
public static class KubernetesManifests
{
    private static readonly HashSet<string> PlatformNamespaces = new(StringComparer.Ordinal) { "default", "argocd", "keda", "platform", "karpenter" };

    /// <summary>The workloads in the objects, or null when there is none.</summary>
    public static ImportedPlatform? Read(IReadOnlyList<KubeObject> objects, string? platformName)
    {
        var notes = new List<ImportNote>();
        var workloads = objects.Where(o => o.Kind is "Deployment" or "StatefulSet" or "Rollout" && o.IsWorkload && !IsSystem(o.Namespace)).ToList();
        if (workloads.Count == 0)
        {
            return null;
        }

        var hpas = objects.Where(o => o.Kind == "HorizontalPodAutoscaler").ToList();
        var scaled = objects.Where(o => o.Kind == "ScaledObject" && o.Group == "keda.sh").ToList();
        var services = objects.Where(o => o.Kind == "Service" && o.ApiVersion == "v1").ToList();
        var ingresses = objects.Where(o => o.Kind == "Ingress").ToList();
        var pools = objects.Where(o => o.Kind == "NodePool" && o.Group == "karpenter.sh").ToList();
        var imported = new List<ImportedService>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in workloads.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            var name = Names.Berth(w.Name);
            if (!seen.Add(name))
            {
                notes.Add(new ImportNote(w.Range, $"{w.Kind} {w.Name} in namespace {w.Namespace ?? "default"}: a service of that name is already read; berth.yaml names are unique"));
                continue;
            }

            imported.Add(Service(w, name, platformName, hpas, scaled, services, ingresses, pools, notes));
        }

        foreach (var job in objects.Where(o => o.Kind is "CronJob" or "Job" && !IsSystem(o.Namespace)))
        {
            notes.Add(new ImportNote(job.Range, $"{job.Kind} {job.Name}: Berth has no scheduled jobs; add it as a worker with nightly-batch demand if its cost matters"));
        }

        var teams = imported.Select(s => s.Team?.Value).Where(t => t is not null).Distinct(StringComparer.Ordinal).Count();
        var requirements = new List<(string, string, SourceRange?)>();
        if (objects.FirstOrDefault(o => o.Kind is "Application" or "ApplicationSet" && o.Group == "argoproj.io") is { } app)
        {
            requirements.Add(("gitops", "true", app.Range));
        }
        else if (objects.FirstOrDefault(o => o.Kind is "Kustomization" or "HelmRelease" && o.Group.EndsWith("toolkit.fluxcd.io", StringComparison.Ordinal)) is { } flux)
        {
            requirements.Add(("gitops", "true", flux.Range));
        }

        if (objects.FirstOrDefault(IsMesh) is { } mesh)
        {
            requirements.Add(("serviceMesh", "true", mesh.Range));
        }

        if (teams > 1)
        {
            requirements.Add(("multiTenancy", "namespace", null));
        }

        if (scaled.FirstOrDefault() is { } keda)
        {
            requirements.Add(("eventDrivenScaling", "true", keda.Range));
        }

        if (workloads.FirstOrDefault(w => w.Kind == "StatefulSet" && Yaml.Seq(w.Spec, "volumeClaimTemplates").Count > 0) is { } stateful)
        {
            requirements.Add(("statefulWorkloads", "true", stateful.Range));
        }

        var operators = objects.Where(o => o.Kind == "CustomResourceDefinition")
            .Select(o => Yaml.Str(o.Spec, "group")).OfType<string>()
            .Where(g => !IsPlatformGroup(g)).Select(g => Names.Berth(g.Split('.')[0])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (operators.Count > 0)
        {
            requirements.Add(("operators", "[" + string.Join(", ", operators) + "]", null));
        }

        return new ImportedPlatform(RunningPlatform.Eks, imported, notes)
        {
            Environment = SpreadEnvironment(workloads, imported, notes),
            Requirements = requirements,
            OwningTeams = teams > 1 ? new Sourced<int>(teams, null) : null,
            Karpenter = Karpenter(objects, notes),
            DaemonSetOverhead = DaemonSets(objects, notes),
        };
    }

    /// <summary>
    /// Manifests Berth generated (app.kubernetes.io/managed-by: berth) spread a production service's replicas over
    /// zones (topologySpreadConstraints on topology.kubernetes.io/zone) and no other environment's. When none of them
    /// that can run more than one replica spreads, they describe a non-production platform: staging, with a note.
    /// Other manifests say nothing about the environment (many production ones do not spread), so it is left alone.
    /// </summary>
    private static Sourced<DeploymentEnvironment>? SpreadEnvironment(List<KubeObject> workloads, List<ImportedService> services, List<ImportNote> notes)
    {
        if (!workloads.All(w => Yaml.Str(Yaml.Map(w.Metadata, "labels"), "app.kubernetes.io/managed-by") == "berth"))
        {
            return null;
        }

        var multi = workloads.Where(w => services.FirstOrDefault(s => s.From == w.Range) is { } s && (s.Scaling?.Max.Value ?? s.Replicas?.Value ?? 1) > 1).ToList();
        if (multi.Count == 0 || multi.Any(w => Yaml.Seq(w.PodSpec, "topologySpreadConstraints").OfType<YamlMappingNode>().Any(c => Yaml.Str(c, "topologyKey") == "topology.kubernetes.io/zone")))
        {
            return null;
        }

        notes.Add(new ImportNote(multi[0].Range, "no workload spreads its replicas over zones: read as a non-production environment (staging); set environment if it is production"));
        return new Sourced<DeploymentEnvironment>(DeploymentEnvironment.Staging, multi[0].Range);
    }

    private static bool IsSystem(string? ns) => ns is not null && (ns.StartsWith("kube-", StringComparison.Ordinal) || ns is "argocd" or "keda" or "karpenter" or "istio-system" or "linkerd");

    private static bool IsMesh(KubeObject o) =>
        o.Group.EndsWith("istio.io", StringComparison.Ordinal) || o.Group.EndsWith("linkerd.io", StringComparison.Ordinal)
        || (o.Kind == "Namespace" && (Yaml.Str(Yaml.Map(o.Metadata, "labels"), "istio-injection") == "enabled" || o.Annotation("linkerd.io/inject") == "enabled"));

    private static bool IsPlatformGroup(string group) =>
        group.EndsWith("karpenter.sh", StringComparison.Ordinal) || group.EndsWith("karpenter.k8s.aws", StringComparison.Ordinal)
        || group.EndsWith("keda.sh", StringComparison.Ordinal) || group.EndsWith("argoproj.io", StringComparison.Ordinal)
        || group.EndsWith("k8s.io", StringComparison.Ordinal) || group.EndsWith("istio.io", StringComparison.Ordinal)
        || group.EndsWith("linkerd.io", StringComparison.Ordinal) || group.EndsWith("k8s.aws", StringComparison.Ordinal);

    private static ImportedService Service(KubeObject w, string name, string? platformName, List<KubeObject> hpas, List<KubeObject> scaled, List<KubeObject> services, List<KubeObject> ingresses, List<KubeObject> pools, List<ImportNote> notes)
    {
        var result = new ImportedService(name, w.Range);
        var ns = w.Namespace;
        if (ns is not null && ns != platformName && !PlatformNamespaces.Contains(ns))
        {
            result = result with { Team = new Sourced<string>(Names.Berth(ns), w.RangeOf(Yaml.Get(w.Metadata, "namespace"))) };
        }

        var containers = w.Containers(includeInit: false);
        var app = containers.FirstOrDefault(c => Yaml.Str(c, "name") == w.Name) ?? (containers.Count > 0 ? containers[0] : null);
        if (app is not null)
        {
            result = Container(w, app, result, notes);
        }

        var pod = w.PodSpec;
        if (Yaml.Str(Yaml.Map(pod, "nodeSelector"), "kubernetes.io/arch") is "arm64")
        {
            result = result with { Arch = new Sourced<CpuArch>(CpuArch.Arm64, w.RangeOf(Yaml.Get(Yaml.Map(pod, "nodeSelector"), "kubernetes.io/arch"))) };
        }

        if (result.Gpu is not null && GpuTypeOf(w, pools) is { } gpuType)
        {
            result = result with { GpuType = gpuType };
        }

        if (SpotAt(w, pools) is { } spotAt)
        {
            result = result with { Spot = new Sourced<bool>(true, spotAt) };
        }

        if (Yaml.Get(pod, "terminationGracePeriodSeconds") is YamlScalarNode grace && int.TryParse(grace.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            // Kubernetes' default grace period is 30 s; a longer one says the service drains on SIGTERM.
            result = result with { GracefulShutdown = new Sourced<bool>(seconds > 30, w.RangeOf(grace)) };
        }

        var selectedBy = services.Where(s => s.Namespace == w.Namespace && Selects(s, w)).ToList();
        if (selectedBy.Count == 0)
        {
            result = result with { Type = new Sourced<ServiceType>(ServiceType.Worker, w.Range) };
        }
        else
        {
            var routed = ingresses.FirstOrDefault(i => i.Namespace == w.Namespace && selectedBy.Any(s => RoutesTo(i, s.Name)));
            result = result with { Type = routed is null ? new Sourced<ServiceType>(ServiceType.Backend, selectedBy[0].Range) : new Sourced<ServiceType>(ServiceType.Web, routed.Range) };
        }

        return Scaling(w, result, hpas, scaled, notes);
    }

    private static ImportedService Container(KubeObject w, YamlMappingNode app, ImportedService result, List<ImportNote> notes)
    {
        var requests = Yaml.Map(Yaml.Map(app, "resources"), "requests");
        var limits = Yaml.Map(Yaml.Map(app, "resources"), "limits");
        if (Yaml.Get(requests, "cpu") is YamlScalarNode cpu && QuantityParser.TryParseCpu(cpu.Value ?? "", out var mc, out _) && mc.Value > 0)
        {
            result = result with { Cpu = new Sourced<Millicores>(mc, w.RangeOf(cpu)) };
        }
        else
        {
            notes.Add(new ImportNote(w.Range, $"{w.Kind} {w.Name}: no CPU request; Berth's default ({SpecKeys.Service.Cpu.Default}) assumed"));
        }

        if (Yaml.Get(requests, "memory") is YamlScalarNode memory && QuantityParser.TryParseBytes(memory.Value ?? "", out var bytes, out _) && bytes.Bytes >= 16 * ByteSize.MiBBytes)
        {
            result = result with { Memory = new Sourced<ByteSize>(RoundToMiB(bytes), w.RangeOf(memory)) };
        }
        else
        {
            notes.Add(new ImportNote(w.Range, $"{w.Kind} {w.Name}: no memory request; Berth's default ({SpecKeys.Service.Memory.Default}) assumed"));
        }

        if (Yaml.Get(requests, "ephemeral-storage") is YamlScalarNode storage && QuantityParser.TryParseBytes(storage.Value ?? "", out var sb, out _))
        {
            result = result with { Storage = new Sourced<ByteSize>(ByteSize.FromGiB(Math.Clamp((long)Math.Ceiling(sb.GiB), 1, 200)), w.RangeOf(storage)) };
        }

        // Extended resources are requested through limits (requests default to them): nvidia.com/gpu, the NVIDIA device plugin's.
        if ((Yaml.Get(limits, "nvidia.com/gpu") ?? Yaml.Get(requests, "nvidia.com/gpu")) is YamlScalarNode gpu
            && int.TryParse(gpu.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gpus) && gpus is >= 1 and <= 16)
        {
            result = result with { Gpu = new Sourced<int>(gpus, w.RangeOf(gpu)) };
        }

        if (Yaml.Seq(app, "ports").OfType<YamlMappingNode>().FirstOrDefault() is { } port && Yaml.Get(port, "containerPort") is YamlScalarNode p
            && int.TryParse(p.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var portNumber) && portNumber is >= 1 and <= 65535)
        {
            result = result with { Port = new Sourced<int>(portNumber, w.RangeOf(p)) };
        }

        var probe = Yaml.Map(app, "readinessProbe") ?? Yaml.Map(app, "livenessProbe");
        if (Yaml.Get(Yaml.Map(probe, "httpGet"), "path") is YamlScalarNode path && path.Value is { Length: > 0 } text && text.StartsWith('/'))
        {
            result = result with { HealthCheck = new Sourced<string>(text, w.RangeOf(path)) };
        }

        return result;
    }

    /// <summary>A size Berth's quantities hold exactly: whole MiB, rounded up.</summary>
    private static ByteSize RoundToMiB(ByteSize b) => ByteSize.FromMiB((b.Bytes + ByteSize.MiBBytes - 1) / ByteSize.MiBBytes);

    /// <summary>
    /// Where the pod may run on Spot. With NodePools: when a pool it can schedule on (its node selector matches the
    /// pool's labels and requirements, its tolerations its taints) allows the spot capacity type, and the pod does not
    /// select on-demand (Karpenter's scheduling: pkg/controllers/provisioning/scheduling, a pool without a capacity-type
    /// requirement launching on-demand). Without NodePools: a capacity-type selector or affinity for Spot.
    /// </summary>
    private static SourceRange? SpotAt(KubeObject w, List<KubeObject> pools)
    {
        var pod = w.PodSpec;
        var selector = Yaml.Map(pod, "nodeSelector");
        foreach (var key in new[] { "karpenter.sh/capacity-type", "eks.amazonaws.com/capacityType" })
        {
            if (Yaml.Get(selector, key) is YamlScalarNode v)
            {
                return v.Value?.ToLowerInvariant() == "spot" ? w.RangeOf(v) : null;
            }
        }

        if (pools.Count > 0)
        {
            var spotPool = pools.FirstOrDefault(p => Schedules(p, w) && Requirement(p, "karpenter.sh/capacity-type")?.Contains("spot") == true);
            return spotPool is null ? null : spotPool.Range;
        }

        var affinity = Yaml.Map(Yaml.Map(pod, "affinity"), "nodeAffinity");
        var terms = Yaml.Seq(affinity, "preferredDuringSchedulingIgnoredDuringExecution").OfType<YamlMappingNode>().Select(t => Yaml.Map(t, "preference"))
            .Concat(Yaml.Seq(Yaml.Map(affinity, "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms").OfType<YamlMappingNode>());
        foreach (var term in terms)
        {
            foreach (var expr in Yaml.Seq(term, "matchExpressions").OfType<YamlMappingNode>())
            {
                if (Yaml.Str(expr, "key") is "karpenter.sh/capacity-type" or "eks.amazonaws.com/capacityType" && Yaml.Str(expr, "operator") == "In"
                    && Yaml.Seq(expr, "values").OfType<YamlScalarNode>().Any(v => v.Value?.ToLowerInvariant() == "spot"))
                {
                    return w.RangeOf(expr);
                }
            }
        }

        return null;
    }

    /// <summary>The GPU model a pod asks for: its own instance-gpu-name selector, else the one model every pool it can land on allows.</summary>
    private static Sourced<string>? GpuTypeOf(KubeObject w, List<KubeObject> pools)
    {
        const string Key = "karpenter.k8s.aws/instance-gpu-name";
        if (Yaml.Get(Yaml.Map(w.PodSpec, "nodeSelector"), Key) is YamlScalarNode selected && selected.Value is { Length: > 0 } name)
        {
            return new Sourced<string>(name, w.RangeOf(selected));
        }

        var models = pools.Where(p => Schedules(p, w)).Select(p => (Pool: p, Names: Requirement(p, Key))).ToList();
        return models.Count > 0 && models.All(m => m.Names is { Count: 1 }) && models.Select(m => m.Names![0]).Distinct(StringComparer.Ordinal).Count() == 1
            ? new Sourced<string>(models[0].Names![0], models[0].Pool.Range)
            : null;
    }

    private static YamlMappingNode? PoolTemplate(KubeObject pool) => Yaml.Map(Yaml.Map(pool.Spec, "template"), "spec");

    /// <summary>The values an In requirement of the pool allows for a label; null when the pool does not constrain it.</summary>
    private static IReadOnlyList<string>? Requirement(KubeObject pool, string key) =>
        Yaml.Seq(PoolTemplate(pool), "requirements").OfType<YamlMappingNode>()
            .Where(r => Yaml.Str(r, "key") == key && Yaml.Str(r, "operator") == "In")
            .Select(r => (IReadOnlyList<string>)Yaml.Seq(r, "values").OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList())
            .FirstOrDefault();

    /// <summary>Whether the pod can schedule on the pool's nodes: every node selector label is one they carry, every taint tolerated.</summary>
    private static bool Schedules(KubeObject pool, KubeObject w)
    {
        var labels = Yaml.Map(Yaml.Map(Yaml.Map(pool.Spec, "template"), "metadata"), "labels");
        foreach (var pair in Yaml.Map(w.PodSpec, "nodeSelector")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var key = (pair.Key as YamlScalarNode)?.Value ?? "";
            var value = (pair.Value as YamlScalarNode)?.Value ?? "";
            var ok = Yaml.Str(labels, key) is { } label ? label == value
                : Requirement(pool, key) is { } allowed ? allowed.Contains(value)
                : IsWellKnown(key);
            if (!ok)
            {
                return false;
            }
        }

        var tolerations = Yaml.Seq(w.PodSpec, "tolerations").OfType<YamlMappingNode>().ToList();
        return Yaml.Seq(PoolTemplate(pool), "taints").OfType<YamlMappingNode>().All(t => tolerations.Any(o =>
            (Yaml.Str(o, "key") == Yaml.Str(t, "key") || (Yaml.Str(o, "key") is null && Yaml.Str(o, "operator") == "Exists"))
            && (Yaml.Str(o, "operator") == "Exists" || Yaml.Str(o, "value") == Yaml.Str(t, "value"))
            && (Yaml.Str(o, "effect") is null || Yaml.Str(o, "effect") == Yaml.Str(t, "effect"))));
    }

    /// <summary>Labels every Karpenter node carries whatever its pool says (a pool that does not constrain one allows any value).</summary>
    private static bool IsWellKnown(string key) =>
        key is "kubernetes.io/arch" or "kubernetes.io/os" or "karpenter.sh/capacity-type" or "node.kubernetes.io/instance-type" or "topology.kubernetes.io/zone"
        || key.StartsWith("karpenter.k8s.aws/", StringComparison.Ordinal);

    private static bool Selects(KubeObject service, KubeObject workload)
    {
        var selector = Yaml.Map(service.Spec, "selector");
        var labels = Yaml.Map(workload.PodTemplateMetadata, "labels");
        return selector is { Children.Count: > 0 } && selector.Children.All(kv => kv.Key is YamlScalarNode k && kv.Value is YamlScalarNode v && Yaml.Str(labels, k.Value ?? "") == v.Value);
    }

    private static bool RoutesTo(KubeObject ingress, string service)
    {
        var backends = new List<YamlMappingNode?> { Yaml.Map(Yaml.Map(ingress.Spec, "defaultBackend"), "service") };
        foreach (var rule in Yaml.Seq(ingress.Spec, "rules").OfType<YamlMappingNode>())
        {
            backends.AddRange(Yaml.Seq(Yaml.Map(rule, "http"), "paths").OfType<YamlMappingNode>().Select(p => Yaml.Map(Yaml.Map(p, "backend"), "service")));
        }

        return backends.Any(b => Yaml.Str(b, "name") == service);
    }

    private static ImportedService Scaling(KubeObject w, ImportedService result, List<KubeObject> hpas, List<KubeObject> scaled, List<ImportNote> notes)
    {
        bool Targets(KubeObject scaler) => scaler.Namespace == w.Namespace && Yaml.Str(Yaml.Map(scaler.Spec, "scaleTargetRef"), "name") == w.Name
            && (Yaml.Str(Yaml.Map(scaler.Spec, "scaleTargetRef"), "kind") ?? "Deployment") == w.Kind;

        if (scaled.FirstOrDefault(Targets) is { } so)
        {
            var min = Int(so, so.Spec, "minReplicaCount") ?? (0, so.Range);
            var max = Int(so, so.Spec, "maxReplicaCount") ?? (100, so.Range);
            ImportedEventSource? source = null;
            foreach (var trigger in Yaml.Seq(so.Spec, "triggers").OfType<YamlMappingNode>())
            {
                var meta = Yaml.Map(trigger, "metadata");
                source = Yaml.Str(trigger, "type") switch
                {
                    "kafka" when Yaml.Str(meta, "topic") is { } topic => new ImportedEventSource(EventSourceType.Kafka, topic, PerReplica(Yaml.Str(meta, "lagThreshold"), 10), so.RangeOf(trigger)),
                    "aws-sqs-queue" => new ImportedEventSource(EventSourceType.Sqs, QueueName(w, meta, notes), PerReplica(Yaml.Str(meta, "queueLength"), 5), so.RangeOf(trigger)),
                    _ => source,
                };
            }

            if (source is null)
            {
                notes.Add(new ImportNote(so.Range, $"ScaledObject {so.Name}: no SQS or Kafka trigger; Berth models those only"));
            }

            // A fixed count that still names its queue: KEDA's min and max are the same.
            return min.Value == max.Value && min.Value > 0
                ? result with { Replicas = new Sourced<int>(min.Value, min.At), EventSource = source }
                : result with
                {
                    Scaling = new ImportedScaling(new Sourced<int>(min.Value, min.At), new Sourced<int>(max.Value, max.At), null, null),
                    EventSource = source,
                };
        }

        if (hpas.FirstOrDefault(Targets) is { } hpa)
        {
            var min = Int(hpa, hpa.Spec, "minReplicas") ?? (1, hpa.Range);
            var max = Int(hpa, hpa.Spec, "maxReplicas") ?? (1, hpa.Range);
            Sourced<int>? cpu = null, memory = null;
            foreach (var metric in Yaml.Seq(hpa.Spec, "metrics").OfType<YamlMappingNode>())
            {
                var resource = Yaml.Map(metric, "resource");
                var target = Yaml.Get(Yaml.Map(resource, "target"), "averageUtilization") as YamlScalarNode;
                if (target is null || !int.TryParse(target.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) || percent is < 1 or > 100)
                {
                    continue;
                }

                if (Yaml.Str(resource, "name") == "cpu")
                {
                    cpu = new Sourced<int>(percent, hpa.RangeOf(target));
                }
                else if (Yaml.Str(resource, "name") == "memory")
                {
                    memory = new Sourced<int>(percent, hpa.RangeOf(target));
                }
            }

            return result with { Scaling = new ImportedScaling(new Sourced<int>(min.Value, min.At), new Sourced<int>(max.Value, max.At), cpu, memory) };
        }

        // Kubernetes' default is one replica when spec.replicas is not set.
        var replicas = Int(w, w.Spec, "replicas") ?? (1, w.Range);
        return result with { Replicas = new Sourced<int>(Math.Max(1, replicas.Value), replicas.At) };
    }

    /// <summary>
    /// The queue of a KEDA aws-sqs-queue trigger: the last segment of queueURL, or of the container's environment
    /// variable queueURLFromEnv names when its value is written there; else the workload's name, with a note.
    /// </summary>
    private static string QueueName(KubeObject w, YamlMappingNode? meta, List<ImportNote> notes)
    {
        var url = Yaml.Str(meta, "queueURL");
        if (url is null && Yaml.Str(meta, "queueURLFromEnv") is { } env)
        {
            url = w.Containers(includeInit: false).SelectMany(c => Yaml.Seq(c, "env").OfType<YamlMappingNode>())
                .Where(e => Yaml.Str(e, "name") == env).Select(e => Yaml.Str(e, "value")).FirstOrDefault(v => v is not null);
        }

        if (url is { Length: > 0 })
        {
            return url.Split('/')[^1];
        }

        notes.Add(new ImportNote(w.Range, $"{w.Kind} {w.Name}: its SQS queue's URL is set outside the manifests; the queue is named after the service"));
        return w.Name;
    }

    private static int PerReplica(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1_000_000 ? n : fallback;

    private static (int Value, SourceRange At)? Int(KubeObject o, YamlMappingNode? map, string key) =>
        Yaml.Get(map, key) is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1000
            ? (n, o.RangeOf(s))
            : null;

    private static Sourced<ResourceOverhead>? DaemonSets(IReadOnlyList<KubeObject> objects, List<ImportNote> notes)
    {
        var daemonSets = objects.Where(o => o.Kind == "DaemonSet").ToList();
        if (daemonSets.Count == 0)
        {
            return null;
        }

        long cpu = 0, memory = 0;
        foreach (var ds in daemonSets)
        {
            foreach (var c in ds.Containers(includeInit: false))
            {
                var requests = Yaml.Map(Yaml.Map(c, "resources"), "requests");
                if (QuantityParser.TryParseCpu(Yaml.Str(requests, "cpu") ?? "", out var mc, out _))
                {
                    cpu += mc.Value;
                }

                if (QuantityParser.TryParseBytes(Yaml.Str(requests, "memory") ?? "", out var b, out _))
                {
                    memory += RoundToMiB(b).Bytes;
                }
            }
        }

        notes.Add(new ImportNote(daemonSets[0].Range, $"daemonSetOverhead sums the requests of the {daemonSets.Count} DaemonSet(s) read; EKS add-ons' DaemonSets (vpc-cni, kube-proxy) are not in the manifests"));
        return new Sourced<ResourceOverhead>(new ResourceOverhead(new Millicores(cpu), new ByteSize(memory)), daemonSets[0].Range);
    }

    /// <summary>Karpenter NodePools (karpenter.sh/v1): what they allow, taken together (GPU pools aside).</summary>
    private static ImportedKarpenter? Karpenter(IReadOnlyList<KubeObject> objects, List<ImportNote> notes)
    {
        var pools = objects.Where(o => o.Kind == "NodePool" && o.Group == "karpenter.sh").ToList();
        if (pools.Count == 0)
        {
            return null;
        }

        // Tainted pools take only the pods that tolerate them (an on-demand pool for what cannot be interrupted, a GPU
        // pool): the untainted ones say what the platform's nodes may be.
        var general = pools.Where(p => Yaml.Seq(PoolTemplate(p), "taints").Count == 0).ToList();
        if (general.Count > 0)
        {
            pools = general;
        }

        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var cpus = new SortedSet<int>();
        var families = new SortedSet<string>(StringComparer.Ordinal);
        var capacity = new SortedSet<CapacityType>();
        var arch = new SortedSet<CpuArch>();
        ConsolidationPolicy? consolidation = null;
        foreach (var pool in pools)
        {
            var requirements = Yaml.Seq(Yaml.Map(Yaml.Map(pool.Spec, "template"), "spec"), "requirements").OfType<YamlMappingNode>().ToList();
            if (requirements.Any(r => Yaml.Str(r, "key") is "karpenter.k8s.aws/instance-gpu-manufacturer" or "karpenter.k8s.aws/instance-gpu-name"))
            {
                continue;
            }

            foreach (var r in requirements.Where(r => Yaml.Str(r, "operator") == "In"))
            {
                var values = Yaml.Seq(r, "values").OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList();
                switch (Yaml.Str(r, "key"))
                {
                    case "karpenter.k8s.aws/instance-category":
                        categories.UnionWith(values);
                        break;
                    case "karpenter.k8s.aws/instance-cpu":
                        cpus.UnionWith(values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0));
                        break;
                    case "karpenter.k8s.aws/instance-family":
                        families.UnionWith(values);
                        break;
                    case "karpenter.sh/capacity-type":
                        capacity.UnionWith(values.Select(v => v == "spot" ? CapacityType.Spot : CapacityType.OnDemand));
                        break;
                    case "kubernetes.io/arch":
                        arch.UnionWith(values.Select(v => v == "arm64" ? CpuArch.Arm64 : CpuArch.X64));
                        break;
                }
            }

            if (Yaml.Str(Yaml.Map(pool.Spec, "disruption"), "consolidationPolicy") is { } policy && consolidation is null)
            {
                consolidation = policy == "WhenEmpty" ? ConsolidationPolicy.WhenEmpty : ConsolidationPolicy.WhenEmptyOrUnderutilized;
            }
        }

        if (pools.Count > 1)
        {
            notes.Add(new ImportNote(pools[1].Range, $"{pools.Count} NodePools read as one: berth.yaml's karpenter settings are what they allow together"));
        }

        return new ImportedKarpenter(categories.ToList(), cpus.ToList(), families.ToList(), capacity.Reverse().ToList(), arch.ToList(), consolidation, pools[0].Range);
    }
}
