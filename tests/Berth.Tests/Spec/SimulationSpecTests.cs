using System.Text.Json;
using Berth.Spec;
using Berth.Tests.Support;
using Json.Schema;

namespace Berth.Tests.Spec;

/// <summary>The keys berth simulate reads: demand noise and events, Kafka partitions, the Fargate Spot launch failure rate.</summary>
public sealed class SimulationSpecTests
{
    private const string Sample = """
        version: 1
        name: shop
        services:
          - name: api
            count: 2
          - name: worker
            type: worker
            scaling: { min: 0, max: 8 }
            eventSource: { type: kafka, name: orders, targetPerReplica: 50, partitions: 12 }
        pricing:
          overrides:
            fargate: { spotLaunchFailureRate: 0.05 }
        simulation:
          noise: { amplitude: 0.1, correlationMinutes: 30, shared: 0.25 }
          events:
            - { name: launch, day: 3, at: "09:30", duration: 1h30m, multiplier: 2.5, services: [api] }
            - { day: 8, at: "23:00", duration: 45m, multiplier: 0 }
        """;

    [Fact]
    public void Every_simulation_key_reaches_its_field()
    {
        var spec = Specs.Parse(Sample);

        spec.Simulation.Noise.ShouldBe(new NoiseSpec(0.1, 30, 0.25));
        var launch = spec.Simulation.Events[0];
        (launch.Name, launch.Day, launch.At, launch.Duration, launch.Multiplier).ShouldBe(("launch", 3, new TimeSpan(9, 30, 0), TimeSpan.FromMinutes(90), 2.5));
        launch.Services.ShouldBe(["api-1", "api-2"]); // a counted service: every copy
        launch.StartSecond.ShouldBe((2 * 86_400) + (9 * 3_600) + (30 * 60));
        launch.Applies("worker").ShouldBeFalse();
        var outage = spec.Simulation.Events[1];
        outage.Name.ShouldBe("event 2");
        outage.Services.ShouldBeEmpty();
        outage.Applies("worker").ShouldBeTrue();
        spec.Services.Single(s => s.Name == "worker").EventSource!.Partitions.ShouldBe(12);
        spec.Pricing.FargateOverride!.SpotLaunchFailureRate.ShouldBe(0.05m);
    }

    [Fact]
    public void Without_a_simulation_section_demand_keeps_todays_noise_and_no_events()
    {
        var spec = Specs.Parse("version: 1\nname: shop\nservices:\n  - name: api\n");

        spec.Simulation.ShouldBe(SimulationSpec.Default);
        spec.Simulation.Noise.ShouldBe(new NoiseSpec(0.05, 0, 0));
        spec.Simulation.Events.ShouldBeEmpty();
    }

    [Fact]
    public void The_sample_validates_against_the_schema()
    {
        // Under its own $id: JSON Schema's registry holds one schema per id, and SchemaTests registers the real one.
        var schema = JsonSchema.FromText(SpecSchema.ToJsonText().Replace(SpecSchema.Id, "https://berth.dev/schema/simulation-spec-tests.json", StringComparison.Ordinal));
        var json = JsonSerializer.SerializeToElement(SchemaTests.YamlToJson(Sample));

        schema.Evaluate(json).IsValid.ShouldBeTrue();
        var bad = JsonSerializer.SerializeToElement(SchemaTests.YamlToJson(Sample.Replace("\"09:30\"", "\"9:30\"", StringComparison.Ordinal)));
        schema.Evaluate(bad).IsValid.ShouldBeFalse();
        SpecLoader.Parse(Sample.Replace("\"09:30\"", "\"9:30\"", StringComparison.Ordinal), "berth.yaml").Succeeded.ShouldBeFalse();
    }
}
