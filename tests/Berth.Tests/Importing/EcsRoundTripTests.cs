using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Catalog;
using Berth.Costing;
using Berth.Generation.Ecs;
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
/// <c>berth generate ecs</c> then <c>berth import</c> gives back the spec's ECS platform: the same services, Fargate
/// task sizes, replica bounds and targets, capacity provider strategies and types, and the same ECS price.
/// </summary>
public sealed partial class EcsRoundTripTests
{
    [GeneratedRegex(@"demand: [a-z-]+")]
    private static partial Regex Demand();

    /// <summary>A random spec with flat demand: demand shapes are not in the code, so import cannot read them back.</summary>
    internal static BerthSpec FlatSpec(int seed, bool gpus) => FlatSpec(RandomSpecs.Yaml(seed, gpus));

    internal static BerthSpec FlatSpec(string yaml) => Specs.Parse(Demand().Replace(yaml, "demand: flat"));

    internal static BerthSpec Imported(IReadOnlyList<Berth.Generation.GeneratedFile> files, TempDir dir, out ImportResult result)
    {
        foreach (var f in files)
        {
            var path = Path.Combine(dir.Path, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, f.Content);
        }

        result = Importer.Run([dir.Path], [], dir.Path);
        return Specs.Parse(result.Yaml);
    }

    internal static List<string> Differences(BerthSpec original, BerthSpec imported)
    {
        var problems = new List<string>();
        if (imported.CurrentPlatform != CurrentPlatform.EcsFargate)
        {
            problems.Add($"currentPlatform came back as {imported.CurrentPlatform}, not EcsFargate");
        }

        var catalog = PriceCatalog.Embedded;
        var before = Planner.For(original, catalog).Find<EcsFargatePlan>()!;
        var after = Planner.For(imported, catalog).Find<EcsFargatePlan>()!;
        var names = (IEnumerable<string> s) => string.Join(",", s.Order(StringComparer.Ordinal));
        if (names(original.Services.Select(s => s.Name)) != names(imported.Services.Select(s => s.Name)))
        {
            problems.Add($"services {names(original.Services.Select(s => s.Name))} came back as {names(imported.Services.Select(s => s.Name))}");
            return problems;
        }

        if (imported.Region != original.Region || imported.Environment != original.Environment || imported.Name != original.Name)
        {
            problems.Add($"{imported.Name}/{imported.Region}/{imported.Environment}, not {original.Name}/{original.Region}/{original.Environment}");
        }

        foreach (var b in before.Services)
        {
            var a = after.Services.Single(s => s.Service.Name == b.Service.Name);
            var name = b.Service.Name;
            if (a.Task!.Size != b.Task!.Size || a.Task.ExtraStorageGb != b.Task.ExtraStorageGb || a.Service.Arch != b.Service.Arch)
            {
                problems.Add($"{name}: task {a.Task.Size}/{a.Task.ExtraStorageGb}/{a.Service.Arch}, not {b.Task.Size}/{b.Task.ExtraStorageGb}/{b.Service.Arch}");
            }

            if (EcsTerraform.Describe(a.Strategy) != EcsTerraform.Describe(b.Strategy))
            {
                problems.Add($"{name}: strategy {EcsTerraform.Describe(a.Strategy)}, not {EcsTerraform.Describe(b.Strategy)}");
            }

            if (a.Scaling != b.Scaling || a.Service.MinReplicas != b.Service.MinReplicas || a.Service.MaxReplicas != b.Service.MaxReplicas)
            {
                problems.Add($"{name}: scaling {a.Scaling} {a.Service.MinReplicas}..{a.Service.MaxReplicas}, not {b.Scaling} {b.Service.MinReplicas}..{b.Service.MaxReplicas}");
            }

            if (a.Service.Type != b.Service.Type || a.Service.Port != b.Service.Port || a.Service.HealthCheck != b.Service.HealthCheck || a.Service.GracefulShutdown != b.Service.GracefulShutdown)
            {
                problems.Add($"{name}: {a.Service.Type} port {a.Service.Port} {a.Service.HealthCheck} graceful {a.Service.GracefulShutdown}, not {b.Service.Type} port {b.Service.Port} {b.Service.HealthCheck} graceful {b.Service.GracefulShutdown}");
            }
        }

        var price = (BerthSpec s) => CostEngine.Estimate(s, catalog, infraOnly: true).Options.Single(o => o.Id == OptionIds.EcsFargate).MonthlyUsd;
        var (was, now) = (price(original), price(imported));
        if (Math.Abs(now - was) > 0.01m * was)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"ECS price ${now:0.00} a month, not ${was:0.00} (more than 1% apart)"));
        }

        return problems;
    }

    [Property(MaxTest = 25)]
    public Property Importing_what_generate_ecs_wrote_gives_back_the_spec_and_its_price()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var original = FlatSpec(seed, gpus: false);
            using var dir = new TempDir();
            var imported = Imported(EcsGenerator.Generate(original, PriceCatalog.Embedded), dir, out _);
            var problems = Differences(original, imported);
            return problems.Count == 0 ? true.ToProperty() : false.Label(RandomSpecs.Yaml(seed, gpus: false) + string.Join("\n", problems));
        });
    }

    [Fact]
    public void The_platform_example_comes_back_with_its_spot_strategy_and_scaling_targets()
    {
        var original = FlatSpec(File.ReadAllText(Path.Combine(RepoPaths.Examples, "platform.yaml")));
        using var dir = new TempDir();

        var imported = Imported(EcsGenerator.Generate(original, PriceCatalog.Embedded), dir, out var result);

        Differences(original, imported).ShouldBeEmpty();
        result.Platform.Platform.ShouldBe(RunningPlatform.EcsFargate);
        imported.Ecs.CapacityProviderStrategy.ShouldBe(original.Ecs.CapacityProviderStrategy);
        var scoring = imported.Services.Single(s => s.Name == "fraud-scoring");
        scoring.Scaling.ShouldBe(new ScalingSpec(3, 20, 70, 75));
        // The files as generated, without the header line the writer adds: the service block starts on line 89.
        result.Yaml.ShouldContain("  - name: fraud-scoring  # from modules/ecs-platform/services.tf:89\n", Case.Sensitive);
        result.Yaml.ShouldContain("    # demand: flat");
        result.Yaml.ShouldContain("# team:\n#   engineers: 5\n");

        // The secret's ARN is only known after apply: a note, never a guess.
        result.Yaml.ShouldContain("service fraud-scoring: the secret behind DB_PASSWORD is only known after apply");
        scoring.Secrets.ShouldBeEmpty();
    }

    [Fact]
    public void The_multi_client_example_comes_back_with_its_clients_and_its_price()
    {
        var original = FlatSpec(File.ReadAllText(Path.Combine(RepoPaths.Examples, "multi-client.yaml")));
        using var dir = new TempDir();

        var imported = Imported(EcsGenerator.Generate(original, PriceCatalog.Embedded), dir, out var result);

        // Differences prices both: the same price means one platform per client came back (three clusters, not one).
        Differences(original, imported).ShouldBeEmpty();
        imported.Clients.Order(StringComparer.Ordinal).ShouldBe(original.Clients.Order(StringComparer.Ordinal));
        result.Yaml.ShouldContain("3 clients' modules declare the same services: each service is read once, from module.");
        result.Yaml.ShouldNotContain("several ECS platforms");
    }
}
