using System.Globalization;
using Berth.Generation.Yaml;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>karpenter/: the plan's EC2NodeClass and one NodePool per plan pool (Karpenter v1, no v1.14-only values).</summary>
public static class KarpenterManifests
{
    public const string NodeClass = KarpenterPlanner.NodeClassName;

    /// <summary>The label every NodePool puts on its nodes; services select their pool with it.</summary>
    public const string WorkloadClassLabel = Labels.WorkloadClass;

    public static string NodeRoleName(BerthSpec spec) => $"{spec.Name}-karpenter-node";

    public static IEnumerable<GeneratedFile> Files(BerthSpec spec, KarpenterPlan plan)
    {
        yield return new("karpenter/ec2nodeclass.yaml", YamlWriter.Write(Ec2NodeClass(spec, plan.NodeClass)));
        foreach (var pool in plan.Pools)
        {
            yield return new($"karpenter/nodepool-{pool.Name}.yaml", YamlWriter.Write(NodePool(plan, pool)));
        }
    }

    private static YamlMap Discovery(BerthSpec spec) => new() { ["karpenter.sh/discovery"] = spec.Name };

    private static YamlMap Ec2NodeClass(BerthSpec spec, NodeClassPlan nodeClass) => new()
    {
        ["apiVersion"] = "karpenter.k8s.aws/v1",
        ["kind"] = "EC2NodeClass",
        ["metadata"] = new YamlMap
        {
            ["name"] = nodeClass.Name,

            // Berth carries no AMI release data to pin a version it has not seen tested (docs/generate.md).
            ["annotations"] = new YamlMap
            {
                [K8sManifests.AcceptedAnnotation] = "BERTH-KARP-004=pin alias al2023@vYYYYMMDD to the AMI release you tested before production: Berth has no AMI release data to choose one",
            },
        },
        ["spec"] = new YamlMap
        {
            ["role"] = NodeRoleName(spec),
            ["amiSelectorTerms"] = new[] { new YamlMap { ["alias"] = nodeClass.AmiAlias } },
            ["subnetSelectorTerms"] = new[] { new YamlMap { ["tags"] = Discovery(spec) } },
            ["securityGroupSelectorTerms"] = new[] { new YamlMap { ["tags"] = Discovery(spec) } },
            ["metadataOptions"] = new YamlMap
            {
                ["httpEndpoint"] = "enabled",
                ["httpProtocolIPv6"] = "disabled",
                ["httpPutResponseHopLimit"] = 1,
                ["httpTokens"] = "required",
            },
            // The root volume is the nodes' ephemeral storage: the plan sizes it for what the pods request, and berth cost prices it.
            ["blockDeviceMappings"] = new[]
            {
                new YamlMap
                {
                    ["deviceName"] = "/dev/xvda",
                    ["ebs"] = new YamlMap
                    {
                        ["volumeSize"] = nodeClass.RootVolumeGiB.ToString(CultureInfo.InvariantCulture) + "Gi",
                        ["volumeType"] = nodeClass.VolumeType,
                        ["encrypted"] = true,
                        ["deleteOnTermination"] = true,
                    },
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

    private static IEnumerable<string> Numbers(IEnumerable<int> values) => values.Order().Select(v => v.ToString(CultureInfo.InvariantCulture));

    /// <summary>The pool's requirements as NodePool requirements: exactly what <see cref="PoolRequirements.Allows"/> reads.</summary>
    public static IReadOnlyList<YamlMap> Requirements(PoolRequirements r)
    {
        var requirements = new List<YamlMap>
        {
            Requirement(Labels.CapacityType, r.CapacityTypes.Select(c => c == CapacityType.Spot ? Labels.Spot : Labels.OnDemand).Order(StringComparer.Ordinal)),
            Requirement(Labels.Arch, r.Arch.Select(a => a == CpuArch.Arm64 ? "arm64" : "amd64").Order(StringComparer.Ordinal)),
        };
        if (r.Gpu)
        {
            requirements.Add(Requirement(Labels.GpuManufacturer, r.GpuManufacturers.Order(StringComparer.Ordinal)));
            if (r.GpuNames.Count > 0)
            {
                requirements.Add(Requirement(Labels.GpuName, r.GpuNames.Order(StringComparer.Ordinal)));
            }
        }

        if (r.Categories.Count > 0)
        {
            requirements.Add(Requirement(Labels.InstanceCategory, r.Categories.Order(StringComparer.Ordinal)));
        }

        if (r.Cpus.Count > 0)
        {
            requirements.Add(Requirement(Labels.InstanceCpu, Numbers(r.Cpus)));
        }

        if (r.Families.Count > 0)
        {
            requirements.Add(Requirement(Labels.InstanceFamily, r.Families.Order(StringComparer.Ordinal)));
        }

        requirements.Add(r.Generations.Count > 0
            ? Requirement(Labels.InstanceGeneration, Numbers(r.Generations))
            : new YamlMap
            {
                ["key"] = Labels.InstanceGeneration,
                ["operator"] = "Gt",
                ["values"] = new[] { PoolRequirements.GenerationGreaterThan.ToString(CultureInfo.InvariantCulture) },
            });
        return requirements;
    }

    private static YamlMap NodePool(KarpenterPlan plan, NodePoolPlan pool)
    {
        var limits = new YamlMap
        {
            ["cpu"] = (pool.Limits.CpuMillicores / 1000).ToString(CultureInfo.InvariantCulture),
            ["memory"] = (pool.Limits.MemoryMiB / 1024).ToString(CultureInfo.InvariantCulture) + "Gi",
        };
        if (pool.Limits.Gpus > 0)
        {
            limits["nvidia.com/gpu"] = pool.Limits.Gpus.ToString(CultureInfo.InvariantCulture);
        }

        var labels = new YamlMap();
        foreach (var (k, v) in pool.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            labels[k] = v;
        }

        var template = new YamlMap
        {
            ["metadata"] = new YamlMap { ["labels"] = labels },
            ["spec"] = new YamlMap
            {
                ["nodeClassRef"] = new YamlMap { ["group"] = "karpenter.k8s.aws", ["kind"] = "EC2NodeClass", ["name"] = plan.NodeClass.Name },
                ["requirements"] = Requirements(pool.Requirements),
                ["taints"] = pool.Taints.Count == 0 ? null : pool.Taints.Select(t => new YamlMap { ["key"] = t.Key, ["value"] = t.Value, ["effect"] = t.Effect }).ToArray(),
                ["expireAfter"] = "720h",
            },
        };
        return new YamlMap
        {
            ["apiVersion"] = "karpenter.sh/v1",
            ["kind"] = "NodePool",
            ["metadata"] = new YamlMap { ["name"] = pool.Name },
            ["spec"] = new YamlMap
            {
                ["weight"] = pool.Weight,
                ["template"] = template,
                ["limits"] = limits,
                ["disruption"] = new YamlMap
                {
                    ["consolidationPolicy"] = plan.Consolidation == ConsolidationPolicy.WhenEmpty ? "WhenEmpty" : "WhenEmptyOrUnderutilized",
                    ["consolidateAfter"] = plan.ConsolidateAfter is { } after ? Duration(after) : "Never",
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
