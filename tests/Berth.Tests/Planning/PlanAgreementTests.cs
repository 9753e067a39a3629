using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Catalog;
using Berth.Costing;
using Berth.Generation.Ecs;
using Berth.Generation.Eks;
using Berth.Linting.Hcl;
using Berth.Planning;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Planning;

/// <summary>
/// What berth cost prices is what berth generate renders: the cost report is read as its JSON, the generated
/// Terraform with the linter's HCL reader and the manifests as YAML, and the two compared (task sizes, capacity
/// providers, replica bounds, the root volume, the controllers' node group, the NodePools nodes are priced in).
/// </summary>
public sealed partial class PlanAgreementTests
{
    [GeneratedRegex(@"^(?<service>[a-z0-9-]+): (?<vcpu>[0-9.]+) vCPU / (?<gb>[0-9.]+) GB task(, ARM)? on (?<provider>FARGATE(_SPOT)?)")]
    private static partial Regex EcsTaskLine();

    [GeneratedRegex(@"^NodePool (?<pool>[a-z0-9-]+): (?<type>[a-z0-9.-]+) (?<capacity>spot|on-demand) ")]
    private static partial Regex NodePoolLine();

    [GeneratedRegex(@"^Karpenter node root volumes: (?<gb>[0-9]+) GB gp3 each")]
    private static partial Regex RootVolumeLine();

    [GeneratedRegex(@"^system node group: (?<count>[0-9]+) × (?<type>[a-z0-9.]+) on-demand")]
    private static partial Regex SystemLine();

    private static JsonElement.ArrayEnumerator Lines(JsonDocument cost, string option) =>
        cost.RootElement.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == option).GetProperty("lineItems").EnumerateArray();

    /// <summary>The <c>local.services</c> map of the generated ECS module, evaluated by the linter's HCL reader.</summary>
    private static Dictionary<string, Dictionary<string, object?>> EcsServices(IReadOnlyList<Berth.Generation.GeneratedFile> files)
    {
        var locals = files.Single(f => f.Path.EndsWith("/locals.tf", StringComparison.Ordinal));
        var hcl = HclParser.Parse(locals.Path, locals.Content);
        hcl.Diagnostics.ShouldBeEmpty();
        var services = hcl.Body.BlocksOfType("locals").Select(b => b.Body.Attribute("services")).OfType<HclAttr>().Single();
        var value = (IReadOnlyDictionary<string, object?>)HclEvaluator.Evaluate(services.Value, HclScope.Empty)!;
        return value.ToDictionary(kv => kv.Key, kv => ((IReadOnlyDictionary<string, object?>)kv.Value!).ToDictionary(x => x.Key, x => x.Value), StringComparer.Ordinal);
    }

    private static decimal Number(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    internal static List<string> Disagreements(Berth.Spec.BerthSpec spec) => Disagreements(spec, out _);

    /// <param name="spec">The spec.</param>
    /// <param name="compared">How many priced lines were checked against the generated files.</param>
    internal static List<string> Disagreements(Berth.Spec.BerthSpec spec, out int compared)
    {
        compared = 0;
        var problems = new List<string>();
        var catalog = PriceCatalog.Embedded;
        using var cost = JsonDocument.Parse(CostFormats.ToJson(CostEngine.Estimate(spec, catalog, infraOnly: true)));

        // ECS on Fargate: each priced task line's size and capacity provider is the rendered service's.
        var ecsPlan = Planner.For(spec, catalog).Find<EcsFargatePlan>()!;
        if (ecsPlan.Feasible)
        {
            var rendered = EcsServices(EcsGenerator.Generate(spec, catalog));
            foreach (var line in Lines(cost, "ecs-fargate"))
            {
                var m = EcsTaskLine().Match(line.GetProperty("description").GetString()!);
                if (!m.Success)
                {
                    continue;
                }

                var service = m.Groups["service"].Value;
                compared++;
                if (!rendered.TryGetValue(service, out var r))
                {
                    problems.Add($"ecs: {service} is priced but not generated");
                    continue;
                }

                var cpu = decimal.Parse(m.Groups["vcpu"].Value, CultureInfo.InvariantCulture) * 1024;
                var memory = decimal.Parse(m.Groups["gb"].Value, CultureInfo.InvariantCulture) * 1024;
                if (Number(r["cpu"]) != cpu || Number(r["memory"]) != memory)
                {
                    problems.Add($"ecs: {service} priced at {cpu}/{memory}, generated at {r["cpu"]}/{r["memory"]}");
                }

                var providers = ((IEnumerable<object?>)r["capacity_provider_strategy"]!).Select(p => (string)((IReadOnlyDictionary<string, object?>)p!)["capacity_provider"]!).ToArray();
                if (!providers.Contains(m.Groups["provider"].Value))
                {
                    problems.Add($"ecs: {service} priced on {m.Groups["provider"].Value}, generated with [{string.Join(", ", providers)}]");
                }
            }

            foreach (var s in spec.Services)
            {
                var r = rendered[s.Name];
                if (Number(r["min_capacity"]) != s.MinReplicas || Number(r["max_capacity"]) != s.MaxReplicas)
                {
                    problems.Add($"ecs: {s.Name} bounds {r["min_capacity"]}..{r["max_capacity"]}, the spec's {s.MinReplicas}..{s.MaxReplicas}");
                }
            }
        }

        // EKS with Karpenter: the root volume, the controllers' node group and the pools nodes are priced in.
        var files = EksGenerator.Generate(spec).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var root = new YamlStream();
        root.Load(new StringReader(files["karpenter/ec2nodeclass.yaml"]));
        var volume = root.Documents[0].RootNode["spec"]["blockDeviceMappings"][0]["ebs"]["volumeSize"].ToString();
        var system = HclParser.Parse("system.tf", files["terraform/system.tf"]).Body.BlocksOfType("resource").Single(b => b.Labels[0] == "aws_eks_node_group");
        var systemTypes = (IEnumerable<object?>)HclEvaluator.Evaluate(system.Body.Attribute("instance_types")!.Value, HclScope.Empty)!;
        var systemCount = Number(HclEvaluator.Evaluate(system.Body.BlocksOfType("scaling_config").Single().Body.Attribute("desired_size")!.Value, HclScope.Empty));
        var pools = files.Keys.Where(k => k.StartsWith("karpenter/nodepool-", StringComparison.Ordinal)).Select(k => k["karpenter/nodepool-".Length..^".yaml".Length]).ToHashSet(StringComparer.Ordinal);
        if (cost.RootElement.GetProperty("options").EnumerateArray().Any(o => o.GetProperty("id").GetString() == "eks-karpenter"))
        {
            foreach (var line in Lines(cost, "eks-karpenter"))
            {
                var text = line.GetProperty("description").GetString()!;
                compared += RootVolumeLine().IsMatch(text) || SystemLine().IsMatch(text) || NodePoolLine().IsMatch(text) ? 1 : 0;
                if (RootVolumeLine().Match(text) is { Success: true } v && v.Groups["gb"].Value + "Gi" != volume)
                {
                    problems.Add($"eks: root volumes priced at {v.Groups["gb"].Value} GB, generated {volume}");
                }

                if (SystemLine().Match(text) is { Success: true } sys
                    && (Number(sys.Groups["count"].Value) != systemCount || !systemTypes.Contains(sys.Groups["type"].Value)))
                {
                    problems.Add($"eks: system node group priced as {sys.Value}, generated {systemCount} × {string.Join(", ", systemTypes)}");
                }

                if (NodePoolLine().Match(text) is { Success: true } pool && !pools.Contains(pool.Groups["pool"].Value))
                {
                    problems.Add($"eks: nodes priced in NodePool {pool.Groups["pool"].Value}, which is not generated");
                }
            }
        }

        // Replica bounds: each generated HPA or ScaledObject has the spec's.
        foreach (var s in spec.Services.Where(s => s.Scaling is not null))
        {
            var path = files.ContainsKey($"k8s/{s.Name}/scaledobject.yaml") ? $"k8s/{s.Name}/scaledobject.yaml" : $"k8s/{s.Name}/horizontalpodautoscaler.yaml";
            var doc = new YamlStream();
            doc.Load(new StringReader(files[path]));
            var specNode = doc.Documents[0].RootNode["spec"];
            var (min, max) = path.EndsWith("scaledobject.yaml", StringComparison.Ordinal)
                ? (specNode["minReplicaCount"].ToString(), specNode["maxReplicaCount"].ToString())
                : (specNode["minReplicas"].ToString(), specNode["maxReplicas"].ToString());
            if (min != s.MinReplicas.ToString(CultureInfo.InvariantCulture) || max != s.MaxReplicas.ToString(CultureInfo.InvariantCulture))
            {
                problems.Add($"eks: {s.Name} scales {min}..{max} in {path}, the spec says {s.MinReplicas}..{s.MaxReplicas}");
            }
        }

        return problems;
    }

    [Theory]
    [InlineData("startup")]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void What_each_example_prices_is_what_it_generates(string example)
    {
        var spec = Generation.EcsGoldenTests.Load(example);
        Disagreements(spec, out var compared).ShouldBeEmpty();

        // Every ECS service's task lines and the Karpenter root volume, system group and node lines were read.
        compared.ShouldBeGreaterThan(spec.Services.Count + 2);
    }

    [Property(MaxTest = 30)]
    public Property What_a_random_spec_prices_is_what_it_generates()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var problems = Disagreements(RandomSpecs.Spec(seed));
            return problems.Count == 0 ? true.ToProperty() : false.Label(RandomSpecs.Yaml(seed) + string.Join("\n", problems));
        });
    }
}
