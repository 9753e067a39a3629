using System.Globalization;
using Berth.Catalog;
using Berth.Costing;
using Berth.Generation.Eks;
using Berth.Importing;
using Berth.Planning;
using Berth.Spec;
using Berth.Tests.Cli;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Importing;

/// <summary>
/// <c>berth generate eks</c> then <c>berth import</c> gives back the spec's EKS platform: the same services, requests,
/// replica bounds and targets, Spot and architecture, Karpenter's NodePool settings, and the same EKS price.
/// </summary>
public sealed class EksRoundTripTests
{
    internal static List<string> Differences(BerthSpec original, BerthSpec imported)
    {
        var problems = new List<string>();
        if (imported.CurrentPlatform != CurrentPlatform.EksKarpenter)
        {
            problems.Add($"currentPlatform came back as {imported.CurrentPlatform}, not EksKarpenter");
        }

        var names = (BerthSpec s) => string.Join(",", s.Services.Select(x => x.Name).Order(StringComparer.Ordinal));
        if (names(original) != names(imported))
        {
            return [$"services {names(original)} came back as {names(imported)}"];
        }

        foreach (var b in original.Services)
        {
            var a = imported.Services.Single(s => s.Name == b.Name);

            // A service marked spot runs on Spot only where a NodePool allows it; that is what the manifests can say.
            // GPU services all go to the GPU pool, which has Karpenter's capacity types whatever their spot flag (so a
            // spot: false GPU service runs on Spot when capacityTypes is [spot]); the price below covers them.
            var spot = b.Spot && original.Eks.Karpenter.CapacityTypes.Contains(CapacityType.Spot);
            if (a.Cpu != b.Cpu || a.Memory != b.Memory || a.Arch != b.Arch || (b.Gpu == 0 && a.Spot != spot) || a.Type != b.Type)
            {
                problems.Add($"{b.Name}: {a.Type} {a.Cpu}/{a.Memory} {a.Arch} spot {a.Spot}, not {b.Type} {b.Cpu}/{b.Memory} {b.Arch} spot {spot}");
            }

            if (a.MinReplicas != b.MinReplicas || a.MaxReplicas != b.MaxReplicas || a.Scaling?.CpuTarget != b.Scaling?.CpuTarget || a.Scaling?.MemoryTarget != b.Scaling?.MemoryTarget)
            {
                problems.Add($"{b.Name}: replicas {a.MinReplicas}..{a.MaxReplicas} ({a.Scaling}), not {b.MinReplicas}..{b.MaxReplicas} ({b.Scaling})");
            }

            if (a.Gpu != b.Gpu || (b.GpuType is not null && a.GpuType?.Replace("nvidia-", "", StringComparison.Ordinal) != b.GpuType.Replace("nvidia-", "", StringComparison.Ordinal)))
            {
                problems.Add($"{b.Name}: {a.Gpu} GPU {a.GpuType}, not {b.Gpu} {b.GpuType}");
            }

            if (b.StorageRequested && a.Storage != b.Storage)
            {
                problems.Add($"{b.Name}: storage {a.Storage}, not {b.Storage}");
            }
        }

        var k = (imported.Eks.Karpenter, original.Eks.Karpenter);
        if (!k.Item1.CapacityTypes.Order().SequenceEqual(k.Item2.CapacityTypes.Order()) || !k.Item1.InstanceCpu.SequenceEqual(k.Item2.InstanceCpu) || !k.Item1.InstanceCategories.SequenceEqual(k.Item2.InstanceCategories))
        {
            problems.Add("karpenter settings differ");
        }

        var catalog = PriceCatalog.Embedded;
        var price = (BerthSpec s) => CostEngine.Estimate(s, catalog, infraOnly: true).Options.Single(o => o.Id == OptionIds.EksKarpenter).MonthlyUsd;
        var (was, now) = (price(original), price(imported));
        if (Math.Abs(now - was) > 0.01m * was)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"EKS price ${now:0.00} a month, not ${was:0.00} (more than 1% apart)"));
        }

        return problems;
    }

    /// <summary>Random specs (GPUs included) without node groups: generate eks provisions with Karpenter only, so fixed groups are not in its output.</summary>
    private static BerthSpec Original(int seed)
    {
        var yaml = RandomSpecs.Yaml(seed, gpus: true);
        var cut = yaml.IndexOf("  nodeGroups:", StringComparison.Ordinal);
        return EcsRoundTripTests.FlatSpec(cut < 0 ? yaml : yaml[..cut]);
    }

    [Property(MaxTest = 20)]
    public Property Importing_what_generate_eks_wrote_gives_back_the_spec_and_its_price()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var original = Original(seed);
            using var dir = new TempDir();
            var imported = EcsRoundTripTests.Imported(EksGenerator.Generate(original), dir, out _);
            var problems = Differences(original, imported);
            return problems.Count == 0 ? true.ToProperty() : false.Label(RandomSpecs.Yaml(seed, gpus: true) + string.Join("\n", problems));
        });
    }

    [Fact]
    public void The_platform_example_comes_back_with_its_teams_gitops_and_event_sources()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Examples, "platform.yaml"));
        var original = EcsRoundTripTests.FlatSpec(yaml[..yaml.IndexOf("  nodeGroups:", StringComparison.Ordinal)] + yaml[yaml.IndexOf("  karpenter:", StringComparison.Ordinal)..]);
        using var dir = new TempDir();

        var imported = EcsRoundTripTests.Imported(EksGenerator.Generate(original), dir, out var result);

        Differences(original, imported).ShouldBeEmpty();
        result.Platform.Platform.ShouldBe(RunningPlatform.Eks);
        imported.Requirements.Gitops.ShouldBeTrue();
        imported.Requirements.EventDrivenScaling.ShouldBeTrue();
        imported.Requirements.MultiTenancy.ShouldBe(MultiTenancy.Namespace);
        imported.Team.OwningTeams.ShouldBe(4);
        imported.Services.Single(s => s.Name == "txn-consumer").EventSource.ShouldBe(new EventSourceSpec(EventSourceType.Kafka, "transactions", 500));
        imported.Services.Single(s => s.Name == "fraud-scoring").Team.ShouldBe("scoring");
    }
}
