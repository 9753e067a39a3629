using System.Globalization;
using Berth.Generation.Yaml;
using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>karpenter/: one EC2NodeClass and a NodePool per workload class (Karpenter v1, no v1.14-only values).</summary>
public static class KarpenterManifests
{
    public const string NodeClass = "default";

    /// <summary>The label every NodePool puts on its nodes; services that must not run on Spot select the on-demand class.</summary>
    public const string WorkloadClassLabel = "berth.dev/workload-class";

    /// <summary>Taint keeping everything but non-Spot-tolerant services off the on-demand pool.</summary>
    public const string OnDemandTaint = "berth.dev/on-demand";

    // Leaves out the first two generations (m1, c1, m2…): slower, and pricier per vCPU than current ones.
    private static readonly string[] OlderThanGeneration3 = ["2"];

    public static string NodeRoleName(BerthSpec spec) => $"{spec.Name}-karpenter-node";

    public static IEnumerable<GeneratedFile> Files(BerthSpec spec)
    {
        yield return new("karpenter/ec2nodeclass.yaml", YamlWriter.Write(Ec2NodeClass(spec)));
        var k = spec.Eks.Karpenter;
        yield return new("karpenter/nodepool-general.yaml", YamlWriter.Write(NodePool(
            spec, "general", k.CapacityTypes, k.Arch, spec.Services, gpu: false)));
        var onDemand = spec.Services.Where(s => !s.Spot).ToArray();
        if (onDemand.Length > 0)
        {
            yield return new("karpenter/nodepool-on-demand.yaml", YamlWriter.Write(NodePool(
                spec, "on-demand", [CapacityType.OnDemand], k.Arch, onDemand, gpu: false)));
        }

        if (spec.Requirements.Gpu)
        {
            yield return new("karpenter/nodepool-gpu.yaml", YamlWriter.Write(NodePool(
                spec, "gpu", [CapacityType.OnDemand], [CpuArch.X64], [], gpu: true)));
        }
    }

    private static YamlMap Discovery(BerthSpec spec) => new() { ["karpenter.sh/discovery"] = spec.Name };

    private static YamlMap Ec2NodeClass(BerthSpec spec) => new()
    {
        ["apiVersion"] = "karpenter.k8s.aws/v1",
        ["kind"] = "EC2NodeClass",
        ["metadata"] = new YamlMap { ["name"] = NodeClass },
        ["spec"] = new YamlMap
        {
            ["role"] = NodeRoleName(spec),
            ["amiSelectorTerms"] = new[] { new YamlMap { ["alias"] = "al2023@latest" } },
            ["subnetSelectorTerms"] = new[] { new YamlMap { ["tags"] = Discovery(spec) } },
            ["securityGroupSelectorTerms"] = new[] { new YamlMap { ["tags"] = Discovery(spec) } },
            ["metadataOptions"] = new YamlMap
            {
                ["httpEndpoint"] = "enabled",
                ["httpProtocolIPv6"] = "disabled",
                ["httpPutResponseHopLimit"] = 1,
                ["httpTokens"] = "required",
            },
            ["blockDeviceMappings"] = new[]
            {
                new YamlMap
                {
                    ["deviceName"] = "/dev/xvda",
                    ["ebs"] = new YamlMap { ["volumeSize"] = "50Gi", ["volumeType"] = "gp3", ["encrypted"] = true, ["deleteOnTermination"] = true },
                },
            },
            ["tags"] = new YamlMap { ["app.kubernetes.io/part-of"] = spec.Name },
        },
    };

    private static YamlMap Requirement(string key, IEnumerable<string> values) => new()
    {
        ["key"] = key,
        ["operator"] = "In",
        ["values"] = values.ToArray(),
    };

    private static YamlMap NodePool(BerthSpec spec, string name, IReadOnlyList<CapacityType> capacity, IReadOnlyList<CpuArch> arch, IReadOnlyList<ServiceSpec> services, bool gpu)
    {
        var k = spec.Eks.Karpenter;
        var requirements = new List<YamlMap>
        {
            Requirement("karpenter.sh/capacity-type", capacity.Select(c => c == CapacityType.Spot ? "spot" : "on-demand").Order(StringComparer.Ordinal)),
            Requirement("kubernetes.io/arch", arch.Select(a => a == CpuArch.Arm64 ? "arm64" : "amd64").Order(StringComparer.Ordinal)),
        };
        if (gpu)
        {
            requirements.Add(Requirement("karpenter.k8s.aws/instance-category", ["g", "p"]));
        }
        else
        {
            requirements.Add(Requirement("karpenter.k8s.aws/instance-category", k.InstanceCategories.Order(StringComparer.Ordinal)));
            requirements.Add(Requirement("karpenter.k8s.aws/instance-cpu", k.InstanceCpu.Order().Select(c => c.ToString(CultureInfo.InvariantCulture))));
            if (k.InstanceFamilies.Count > 0)
            {
                requirements.Add(Requirement("karpenter.k8s.aws/instance-family", k.InstanceFamilies.Order(StringComparer.Ordinal)));
            }

            if (k.InstanceGenerations.Count > 0)
            {
                requirements.Add(Requirement("karpenter.k8s.aws/instance-generation", k.InstanceGenerations.Order().Select(g => g.ToString(CultureInfo.InvariantCulture))));
            }
            else
            {
                requirements.Add(new YamlMap { ["key"] = "karpenter.k8s.aws/instance-generation", ["operator"] = "Gt", ["values"] = OlderThanGeneration3 });
            }
        }

        // Limits: the services' peak (max replicas × request) with half again as headroom for rollouts and packing.
        var cpu = (long)Math.Ceiling(services.Sum(s => s.MaxReplicas * s.Cpu.Value / 1000.0) * 1.5);
        var memoryGi = (long)Math.Ceiling(services.Sum(s => s.MaxReplicas * s.Memory.GiB) * 1.5);
        var limits = gpu
            ? new YamlMap { ["cpu"] = "64", ["nvidia.com/gpu"] = "8" }
            : new YamlMap { ["cpu"] = Math.Max(cpu, 16).ToString(CultureInfo.InvariantCulture), ["memory"] = Math.Max(memoryGi, 64).ToString(CultureInfo.InvariantCulture) + "Gi" };

        var template = new YamlMap
        {
            ["metadata"] = new YamlMap { ["labels"] = new YamlMap { [WorkloadClassLabel] = name } },
            ["spec"] = new YamlMap
            {
                ["nodeClassRef"] = new YamlMap { ["group"] = "karpenter.k8s.aws", ["kind"] = "EC2NodeClass", ["name"] = NodeClass },
                ["requirements"] = requirements,
                ["taints"] = gpu ? new[] { new YamlMap { ["key"] = "nvidia.com/gpu", ["value"] = "true", ["effect"] = "NoSchedule" } }
                    : name == "on-demand" ? new[] { new YamlMap { ["key"] = OnDemandTaint, ["value"] = "true", ["effect"] = "NoSchedule" } }
                    : null,
                ["expireAfter"] = "720h",
            },
        };
        return new YamlMap
        {
            ["apiVersion"] = "karpenter.sh/v1",
            ["kind"] = "NodePool",
            ["metadata"] = new YamlMap { ["name"] = name },
            ["spec"] = new YamlMap
            {
                ["template"] = template,
                ["limits"] = limits,
                ["disruption"] = new YamlMap
                {
                    ["consolidationPolicy"] = k.Consolidation == ConsolidationPolicy.WhenEmpty ? "WhenEmpty" : "WhenEmptyOrUnderutilized",
                    ["consolidateAfter"] = Duration(k.ConsolidateAfter ?? TimeSpan.FromSeconds(30)),
                    ["budgets"] = new[] { new YamlMap { ["nodes"] = "10%" } },
                },
            },
        };
    }

    /// <summary>A Go duration as Karpenter reads it: <c>30s</c>, <c>5m</c>, <c>2h</c>, or <c>1h30m</c>-style.</summary>
    public static string Duration(TimeSpan t)
    {
        var total = (long)t.TotalSeconds;
        if (total == 0)
        {
            return "0s";
        }

        var h = total / 3600;
        var m = total % 3600 / 60;
        var s = total % 60;
        return (h > 0 ? h.ToString(CultureInfo.InvariantCulture) + "h" : "")
            + (m > 0 ? m.ToString(CultureInfo.InvariantCulture) + "m" : "")
            + (s > 0 ? s.ToString(CultureInfo.InvariantCulture) + "s" : "");
    }
}
