using System.Text.Json;
using Berth.Catalog;
using Berth.Costing;
using Berth.Tests.Cli;

namespace Berth.Tests.Planning;

/// <summary>Each reason an option cannot run the workload, as the user reads it in cost's JSON and text.</summary>
public sealed class FeasibilityTests
{
    private static string Write(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("berth-feasible-");
        var path = Path.Combine(dir.FullName, "berth.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static JsonElement Option(JsonDocument cost, string id) =>
        cost.RootElement.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);

    private static (JsonDocument Json, string Text) Cost(string yaml)
    {
        var path = Write(yaml);
        var json = CliRunner.Run(Path.GetTempPath(), "cost", path, "--format", "json");
        json.ExitCode.ShouldBe(0, json.Error);
        var text = CliRunner.Run(Path.GetTempPath(), "cost", path);
        text.ExitCode.ShouldBe(0, text.Error);
        return (JsonDocument.Parse(json.Out), text.Out);
    }

    private static string[] Reasons(JsonElement option) =>
        option.GetProperty("infeasible").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public void Node_groups_smaller_than_the_peak_say_how_many_nodes_of_their_type_it_would_take()
    {
        var (json, text) = Cost("""
            version: 1
            name: t
            services:
              - { name: api, cpu: 1, memory: 2Gi, replicas: 12 }
            eks:
              nodeGroups:
                - { name: general, instanceType: m5.xlarge, count: 2, capacityType: on-demand }
            """);

        var groups = Option(json, "eks-nodegroups");
        groups.GetProperty("feasible").GetBoolean().ShouldBeFalse();

        // 12 api pods and 19 controller pods (about 1.6 vCPU): 13.6 vCPU on m5.xlarge nodes of 3.72 vCPU after DaemonSets.
        Reasons(groups).ShouldHaveSingleItem().ShouldBe(
            "at the peak (Mon 00:00) 10 of 31 pods (6.2 vCPU, 12.3 GiB) do not fit on the node groups' 2 nodes: it would take 4 × m5.xlarge (general); raise the counts or use Karpenter");
        text.ShouldContain("eks-nodegroups (cannot run)");
        Option(json, "ecs-fargate").GetProperty("feasible").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void A_gpu_service_cannot_run_on_either_fargate_and_only_it_gets_gpu_instance_types()
    {
        var (json, text) = Cost("""
            version: 1
            name: t
            services:
              - { name: api, cpu: 1, memory: 2Gi, replicas: 2, spot: true }
              - { name: infer, cpu: 4, memory: 16Gi, replicas: 1, gpu: 1, gpuType: nvidia-l4 }
            """);

        Reasons(Option(json, "ecs-fargate")).ShouldBe(["infer needs 1 GPU (nvidia-l4) per replica: Fargate has no GPUs (run it on EKS with a GPU NodePool)"]);
        Reasons(Option(json, "eks-fargate")).ShouldBe(["infer needs 1 GPU (nvidia-l4) per replica: EKS on Fargate has no GPUs (use EC2 nodes: Karpenter or a GPU node group)"]);
        var karpenter = Option(json, "eks-karpenter");
        karpenter.GetProperty("feasible").GetBoolean().ShouldBeTrue();
        var nodes = karpenter.GetProperty("lineItems").EnumerateArray().Select(l => l.GetProperty("description").GetString()!).Where(d => d.StartsWith("NodePool", StringComparison.Ordinal)).ToArray();
        nodes.ShouldContain(d => d.StartsWith("NodePool gpu-l4: g6.", StringComparison.Ordinal));
        foreach (var d in nodes.Where(d => !d.StartsWith("NodePool gpu-l4", StringComparison.Ordinal)))
        {
            var type = d.Split(' ')[2];
            PriceCatalog.Embedded.Instance(type).ShouldNotBeNull().GpuCount.ShouldBe(0, d);
        }

        text.ShouldContain("ecs-fargate (cannot run)");
        text.ShouldContain("Fargate has no GPUs");
    }

    [Fact]
    public void A_task_above_fargates_largest_size_cannot_run_on_either_fargate()
    {
        var (json, _) = Cost("""
            version: 1
            name: t
            services:
              - { name: big, cpu: 20, memory: 64Gi }
            """);

        Reasons(Option(json, "ecs-fargate")).ShouldBe(["big requests 20 vCPU / 64 GiB, more than Fargate's largest task (16 vCPU / 120 GB): split it or run it on EKS with EC2 nodes"]);
        Reasons(Option(json, "eks-fargate")).ShouldHaveSingleItem().ShouldStartWith("big requests 20 vCPU / 64 GiB, which with the 256 MB pod overhead is more than Fargate's largest pod");
        Option(json, "eks-karpenter").GetProperty("feasible").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void A_pod_no_allowed_instance_type_holds_cannot_run_on_karpenter_or_the_node_groups()
    {
        var (json, _) = Cost("""
            version: 1
            name: t
            services:
              - { name: wide, cpu: 6, memory: 8Gi }
            eks:
              nodeGroups:
                - { name: small, instanceType: m5.large, count: 4, capacityType: on-demand }
              karpenter:
                instanceCpu: [4]
            """);

        // A service without spot: true goes to the tainted on-demand pool, which has the same instance types.
        Reasons(Option(json, "eks-karpenter")).ShouldBe(["wide (6 vCPU / 8 GiB) fits no instance type the NodePool 'on-demand' allows (instanceCpu 4, categories c, m, r): widen eks.karpenter's instanceCpu or instanceCategories"]);
        Reasons(Option(json, "eks-nodegroups")).ShouldHaveSingleItem().ShouldContain("no group's instance type can hold wide (x86_64): add a group of an instance type that holds them");
    }

    [Fact]
    public void Validate_rejects_a_request_nothing_can_hold_at_its_line_with_a_millicores_hint()
    {
        var path = Write("version: 1\nname: t\nservices:\n  - name: api\n    cpu: 500\n    memory: 1Gi\n");

        var result = CliRunner.Run(Path.GetTempPath(), "validate", path);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(":5:10: error: services (api).cpu: 500 vCPU per replica is more than any instance type (c8i.96xlarge, 384 vCPU) or Fargate task (16 vCPU) can hold — did you mean 500m (0.5 vCPU)?");
    }

    [Theory]
    [InlineData("startup")]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void No_option_that_cannot_run_an_example_is_called_cheapest(string example)
    {
        var spec = Generation.EcsGoldenTests.Load(example);
        var report = CostEngine.Estimate(spec, PriceCatalog.Embedded);
        foreach (var infraOnly in new[] { true, false })
        {
            report.Cheapest(infraOnly).ShouldNotBeNull().Feasible.ShouldBeTrue();
        }

        // assess --format json carries the same cost summary, cheapest first among those that can run.
        var assess = CliRunner.InRepo("assess", $"examples/{example}.yaml", "--format", "json");
        assess.ExitCode.ShouldBe(0, assess.Error);
        using var json = JsonDocument.Parse(assess.Out);
        var costs = json.RootElement.GetProperty("costs");
        var cheapest = costs.GetProperty("cheapest").GetString();
        costs.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == cheapest).GetProperty("feasible").GetBoolean().ShouldBeTrue();

        // Crossover: at every point the cheapest is one that can run that many services.
        var sweep = Crossover.Sweep(spec, PriceCatalog.Embedded, 1, 12);
        foreach (var p in sweep.Points)
        {
            p.Cheapest(sweep.Options).ShouldNotBeNull();
            p.Feasible(p.Cheapest(sweep.Options)!).ShouldBeTrue();
        }
    }
}
