using System.Globalization;
using Berth.Spec;

namespace Berth.Tests.Support;

/// <summary>Seeded random berth.yaml files covering the keys the plans read: sizes, storage, Spot, arch, GPUs,
/// replicas and scaling, environment, Karpenter's capacity types and instance sizes, node groups.</summary>
public static class RandomSpecs
{
    private static readonly string[] Cpus = ["100m", "250m", "500m", "1", "2", "3", "4"];
    private static readonly string[] Shapes = ["flat", "business-hours", "spiky", "nightly-batch"];

    public static string Yaml(int seed, bool gpus = true)
    {
        var random = new Random(seed);
        var sb = new System.Text.StringBuilder();
        sb.Append("version: 1\nname: r").Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("region: ").Append(random.Next(3) == 0 ? "eu-west-1" : "us-east-1").Append('\n');
        sb.Append("environment: ").Append(random.Next(3) == 0 ? "staging" : "production").Append('\n');
        sb.Append("services:\n");
        var count = random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            var parts = new List<string>
            {
                $"name: s{i}",
                "cpu: " + Cpus[random.Next(Cpus.Length)],
                "memory: " + (random.Next(1, 17) * 512).ToString(CultureInfo.InvariantCulture) + "Mi",
                "demand: " + Shapes[random.Next(Shapes.Length)],
            };
            var min = random.Next(0, 4);
            parts.Add(random.Next(3) == 0
                ? "replicas: " + random.Next(1, 8).ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"scaling: {{ min: {min}, max: {min + random.Next(1, 20)} }}"));
            if (random.Next(2) == 0)
            {
                parts.Add("spot: true");
            }

            if (random.Next(4) == 0)
            {
                parts.Add("arch: arm64");
            }
            else if (gpus && random.Next(8) == 0)
            {
                parts.Add("gpu: 1");
                if (random.Next(2) == 0)
                {
                    parts.Add("gpuType: nvidia-t4");
                }
            }

            if (random.Next(4) == 0)
            {
                parts.Add("storage: " + (random.Next(1, 9) * 5).ToString(CultureInfo.InvariantCulture) + "Gi");
            }

            if (random.Next(3) == 0)
            {
                parts.Add("type: worker");
            }

            sb.Append("  - { ").Append(string.Join(", ", parts)).Append(" }\n");
        }

        var capacity = random.Next(3) switch
        {
            0 => "[on-demand]",
            1 => "[spot]",
            _ => "[spot, on-demand]",
        };
        var cpus = random.Next(2) == 0 ? "[4, 8, 16, 32]" : "[2, 4, 8]";
        sb.Append("eks:\n  karpenter:\n    capacityTypes: ").Append(capacity).Append("\n    instanceCpu: ").Append(cpus).Append('\n');
        if (random.Next(2) == 0)
        {
            sb.Append("  nodeGroups:\n    - { name: general, instanceType: m5.xlarge, count: ")
                .Append(random.Next(1, 6).ToString(CultureInfo.InvariantCulture)).Append(", capacityType: on-demand }\n");
        }

        return sb.ToString();
    }

    public static BerthSpec Spec(int seed, bool gpus = true) => Specs.Parse(Yaml(seed, gpus));
}
