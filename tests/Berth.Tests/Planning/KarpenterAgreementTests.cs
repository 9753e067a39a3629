using System.Globalization;
using System.Text.Json;
using Berth.Catalog;
using Berth.Generation.Eks;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;
using Berth.Tests.Generation;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Planning;

/// <summary>
/// What <c>berth pack --mode karpenter</c> prices is what the generated platform would let Karpenter build: the
/// generated manifests (Deployments, NodePools, EC2NodeClass) are read back as YAML, the packing as its JSON, and every
/// node is checked against them — no plan object is compared with itself.
/// </summary>
public sealed class KarpenterAgreementTests
{
    private sealed record Pool(string Name, List<(string Key, string Op, string[] Values)> Requirements, Dictionary<string, string> Labels, List<(string Key, string Value, string Effect)> Taints, long CpuLimit, long MemoryLimitMiB, long GpuLimit);

    private sealed record Workload(V1Deployment Deployment, Resources Requests);

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static YamlNode? Maybe(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static long Millicores(string quantity) =>
        (long)Math.Round(new ResourceQuantity(quantity).ToDecimal() * 1000m, MidpointRounding.AwayFromZero);

    private static long MiB(string quantity) =>
        (long)Math.Ceiling(new ResourceQuantity(quantity).ToDecimal() / (1024m * 1024m));

    private static Pool ReadPool(string yaml)
    {
        var root = Root(yaml);
        var spec = At(root, "spec", "template", "spec");
        var requirements = ((YamlSequenceNode)At(spec, "requirements")).Children.Select(r => (
            Scalar(At(r, "key")),
            Scalar(At(r, "operator")),
            ((YamlSequenceNode)At(r, "values")).Children.Select(Scalar).ToArray())).ToList();
        var labels = Maybe(At(root, "spec", "template", "metadata"), "labels") is YamlMappingNode l
            ? l.Children.ToDictionary(kv => Scalar(kv.Key), kv => Scalar(kv.Value), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var taints = Maybe(spec, "taints") is YamlSequenceNode t
            ? t.Children.Select(x => (Scalar(At(x, "key")), Scalar(At(x, "value")), Scalar(At(x, "effect")))).ToList()
            : [];
        var limits = At(root, "spec", "limits");
        return new Pool(
            Scalar(At(root, "metadata", "name")),
            requirements,
            labels,
            taints,
            Millicores(Scalar(At(limits, "cpu"))),
            MiB(Scalar(At(limits, "memory"))),
            Maybe(limits, "nvidia.com/gpu") is { } g ? long.Parse(Scalar(g), CultureInfo.InvariantCulture) : 0);
    }

    private static Workload ReadDeployment(string yaml)
    {
        var d = KubernetesYaml.Deserialize<V1Deployment>(yaml, strict: true);
        var requests = d.Spec.Template.Spec.Containers.Single().Resources.Requests;
        return new Workload(d, new Resources(
            Millicores(requests["cpu"].ToString()),
            MiB(requests["memory"].ToString()),
            1,
            requests.TryGetValue("ephemeral-storage", out var e) ? MiB(e.ToString()) : 0,
            requests.TryGetValue("nvidia.com/gpu", out var g) ? (int)g.ToDecimal() : 0));
    }

    /// <summary>The labels a node of this type and capacity carries in this pool (Karpenter's well-known labels and the pool's own).</summary>
    private static Dictionary<string, string> NodeLabels(Pool pool, InstanceTypeInfo t, string capacity, string zone)
    {
        var labels = new Dictionary<string, string>(pool.Labels, StringComparer.Ordinal)
        {
            ["kubernetes.io/arch"] = t.Arch == CpuArch.Arm64 ? "arm64" : "amd64",
            ["karpenter.sh/capacity-type"] = capacity,
            ["karpenter.k8s.aws/instance-category"] = t.Category,
            ["karpenter.k8s.aws/instance-cpu"] = t.Vcpu.ToString(CultureInfo.InvariantCulture),
            ["karpenter.k8s.aws/instance-family"] = t.Family,
            ["karpenter.k8s.aws/instance-generation"] = t.Generation.ToString(CultureInfo.InvariantCulture),
            ["node.kubernetes.io/instance-type"] = t.Name,
            ["topology.kubernetes.io/zone"] = zone,
        };
        if (t.GpuCount > 0)
        {
            labels["karpenter.k8s.aws/instance-gpu-manufacturer"] = t.GpuManufacturer;
            labels["karpenter.k8s.aws/instance-gpu-name"] = t.GpuModel;
        }

        return labels;
    }

    private static bool Satisfies(Dictionary<string, string> labels, (string Key, string Op, string[] Values) r) =>
        r.Op switch
        {
            "In" => labels.TryGetValue(r.Key, out var v) && r.Values.Contains(v),
            "Gt" => labels.TryGetValue(r.Key, out var g) && int.Parse(g, CultureInfo.InvariantCulture) > int.Parse(r.Values[0], CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException("operator " + r.Op + " is not generated"),
        };

    private static bool Tolerates(V1PodSpec pod, (string Key, string Value, string Effect) taint) =>
        (pod.Tolerations ?? []).Any(t => t.Key == taint.Key && (t.Effect is null || t.Effect == taint.Effect)
            && (t.OperatorProperty == "Exists" || t.Value == taint.Value));

    /// <summary>Checks one spec's packing at an hour against its generated platform; returns the problems found (none when they agree).</summary>
    internal static List<string> Disagreements(BerthSpec spec, int? hour = null)
    {
        var catalog = PriceCatalog.Embedded;
        var plan = EksGenerator.Plan(spec, catalog);
        var files = EksGenerator.Generate(spec, plan).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var pools = files.Where(f => f.Key.StartsWith("karpenter/nodepool-", StringComparison.Ordinal)).Select(f => ReadPool(f.Value)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var rootGiB = (int)(new ResourceQuantity(Scalar(((YamlSequenceNode)At(Root(files["karpenter/ec2nodeclass.yaml"]), "spec", "blockDeviceMappings")).Children[0]["ebs"]["volumeSize"])).ToDecimal() / (1024m * 1024m * 1024m));
        var workloads = files.Where(f => f.Key.EndsWith("/deployment.yaml", StringComparison.Ordinal)).Select(f => ReadDeployment(f.Value))
            .ToDictionary(w => w.Deployment.Metadata.Name, StringComparer.Ordinal);
        var overhead = NodeTypeTable.Overhead(spec.Eks.DaemonSetOverhead);

        // The packing as berth pack --format json prints it.
        var packed = Packer.AtHour(plan, spec, hour);
        using var json = JsonDocument.Parse(PackFormats.ToJson(packed.Karpenter, packed.Hour));
        var problems = new List<string>();
        var zonesSeen = new HashSet<string>(StringComparer.Ordinal);
        var perZone = new Dictionary<(string Service, string Zone), int>();
        var launched = new Dictionary<string, (long Cpu, long Mem, long Gpu)>(StringComparer.Ordinal);
        foreach (var node in json.RootElement.GetProperty("nodes").EnumerateArray())
        {
            var poolName = node.GetProperty("nodePool").GetString()!;
            var typeName = node.GetProperty("instanceType").GetString()!;
            var capacity = node.GetProperty("capacityType").GetString()!;
            var zone = node.GetProperty("zone").GetString()!;
            zonesSeen.Add(zone);
            var at = $"{spec.Name} hour {packed.Hour}: {poolName}/{typeName}/{capacity}/{zone}";
            if (!pools.TryGetValue(poolName, out var pool))
            {
                problems.Add($"{at}: no generated NodePool {poolName}");
                continue;
            }

            var type = catalog.Instance(typeName)!;
            var labels = NodeLabels(pool, type, capacity, zone);
            foreach (var r in pool.Requirements.Where(r => !Satisfies(labels, r)))
            {
                problems.Add($"{at}: the NodePool's requirement {r.Key} {r.Op} [{string.Join(", ", r.Values)}] does not allow it");
            }

            var used = overhead;
            foreach (var p in node.GetProperty("pods").EnumerateArray())
            {
                var service = p.GetProperty("service").GetString()!;
                var w = workloads[service];
                var pod = w.Deployment.Spec.Template.Spec;
                used += w.Requests;
                perZone[(service, zone)] = perZone.GetValueOrDefault((service, zone)) + 1;
                foreach (var taint in pool.Taints.Where(t => !Tolerates(pod, t)))
                {
                    problems.Add($"{at}: {service} does not tolerate the taint {taint.Key}={taint.Value}:{taint.Effect}");
                }

                foreach (var (key, value) in pod.NodeSelector ?? new Dictionary<string, string>())
                {
                    if (!labels.TryGetValue(key, out var has) || has != value)
                    {
                        problems.Add($"{at}: {service} selects {key}={value}, the node has {has ?? "no such label"}");
                    }
                }

                if (p.GetProperty("cpuMillicores").GetInt64() != w.Requests.CpuMillicores || p.GetProperty("memoryMiB").GetInt64() != w.Requests.MemoryMiB)
                {
                    problems.Add($"{at}: {service} is packed at other requests than its Deployment's");
                }
            }

            var allocatable = Allocatable.For(type, rootGiB);
            if (!allocatable.Holds(used))
            {
                problems.Add($"{at}: its pods and DaemonSets request {used}, more than its allocatable {allocatable}");
            }

            var l = launched.GetValueOrDefault(poolName);
            launched[poolName] = (l.Cpu + (type.Vcpu * 1000L), l.Mem + type.MemoryMiB, l.Gpu + type.GpuCount);
        }

        foreach (var (name, (cpu, mem, gpu)) in launched)
        {
            var pool = pools[name];
            if (cpu > pool.CpuLimit || mem > pool.MemoryLimitMiB || gpu > pool.GpuLimit)
            {
                problems.Add($"{spec.Name}: NodePool {name} launches {cpu}m, {mem} MiB, {gpu} GPUs past its limits");
            }
        }

        foreach (var w in workloads.Values)
        {
            foreach (var c in w.Deployment.Spec.Template.Spec.TopologySpreadConstraints ?? [])
            {
                var name = w.Deployment.Metadata.Name;
                var counts = zonesSeen.Select(z => perZone.GetValueOrDefault((name, z))).ToArray();
                if (counts.Length > 0 && counts.Max() - counts.Min() > c.MaxSkew)
                {
                    problems.Add($"{spec.Name}: {name} is spread {string.Join("/", counts)} over the zones, more than maxSkew {c.MaxSkew}");
                }
            }
        }

        return problems;
    }

    [Theory]
    [InlineData("startup")]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void Every_packed_node_of_an_example_is_one_its_generated_manifests_allow(string example)
    {
        var spec = EcsGoldenTests.Load(example);
        foreach (var hour in new int?[] { null, 3, 100 })
        {
            Disagreements(spec, hour).ShouldBeEmpty();
        }
    }

    [Property(MaxTest = 40)]
    public Property Every_packed_node_of_a_random_spec_is_one_its_generated_manifests_allow()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var problems = Disagreements(RandomSpecs.Spec(seed));
            return problems.Count == 0 ? true.ToProperty() : false.Label(RandomSpecs.Yaml(seed) + string.Join("\n", problems));
        });
    }

    [Property(MaxTest = 30)]
    public Property Spot_tolerant_pods_sit_on_spot_nodes_whenever_the_pool_offers_spot_for_their_shape()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var spec = RandomSpecs.Spec(seed);
            var plan = EksGenerator.Plan(spec, PriceCatalog.Embedded);
            var packed = Packer.AtHour(plan, spec);
            var wrong = new List<string>();
            foreach (var node in packed.Karpenter.Nodes.Where(n => n.Capacity == CapacityType.OnDemand))
            {
                var table = plan.Pool(node.Pool).Types;
                foreach (var p in node.Pods)
                {
                    var pod = packed.Pods.Pods[p];
                    var w = plan.Workloads[pod.Service];
                    var spotShape = Enumerable.Range(0, table.Count).Any(t => table.Offers(t, CapacityType.Spot) && table.Types[t].Arch == pod.Arch && table.Allocatable[t].Holds(pod.Requests));
                    if (w.Service.Spot && spotShape)
                    {
                        wrong.Add($"{w.Name} on on-demand {node.InstanceType} in {node.Pool}");
                    }
                }
            }

            return wrong.Count == 0 ? true.ToProperty() : false.Label(RandomSpecs.Yaml(seed) + string.Join("\n", wrong));
        });
    }
}
