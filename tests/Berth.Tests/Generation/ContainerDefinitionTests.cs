using System.Globalization;
using System.Text.Json.Nodes;
using Berth.Catalog;
using Berth.Generation.Ecs;
using Berth.Generation.Hcl;
using Berth.Planning;

namespace Berth.Tests.Generation;

/// <summary>
/// The container definitions Berth emits, as the JSON jsonencode() produces, checked field by field against the
/// ECS task-definition format (API reference: RegisterTaskDefinition → ContainerDefinition and its nested types).
/// Terraform references stand in as strings: every one used here resolves to a string.
/// </summary>
public sealed class ContainerDefinitionTests
{
    private const string S = "string";
    private const string I = "integer";
    private const string B = "boolean";

    // Field → JSON type; "object:X" and "array:X" name a nested shape below; "map" is a string-to-string map.
    private static readonly Dictionary<string, Dictionary<string, string>> Shapes = new(StringComparer.Ordinal)
    {
        ["ContainerDefinition"] = new(StringComparer.Ordinal)
        {
            ["name"] = S,
            ["image"] = S,
            ["essential"] = B,
            ["readonlyRootFilesystem"] = B,
            ["user"] = S,
            ["memoryReservation"] = I,
            ["stopTimeout"] = I,
            ["portMappings"] = "array:PortMapping",
            ["healthCheck"] = "object:HealthCheck",
            ["secrets"] = "array:Secret",
            ["mountPoints"] = "array:MountPoint",
            ["linuxParameters"] = "object:LinuxParameters",
            ["dependsOn"] = "array:ContainerDependency",
            ["logConfiguration"] = "object:LogConfiguration",
            ["firelensConfiguration"] = "object:FirelensConfiguration",
        },
        ["PortMapping"] = new(StringComparer.Ordinal) { ["name"] = S, ["containerPort"] = I, ["hostPort"] = I, ["protocol"] = S },
        ["HealthCheck"] = new(StringComparer.Ordinal) { ["command"] = "array:string", ["interval"] = I, ["timeout"] = I, ["retries"] = I, ["startPeriod"] = I },
        ["Secret"] = new(StringComparer.Ordinal) { ["name"] = S, ["valueFrom"] = S },
        ["MountPoint"] = new(StringComparer.Ordinal) { ["sourceVolume"] = S, ["containerPath"] = S, ["readOnly"] = B },
        ["LinuxParameters"] = new(StringComparer.Ordinal) { ["initProcessEnabled"] = B },
        ["ContainerDependency"] = new(StringComparer.Ordinal) { ["containerName"] = S, ["condition"] = S },
        ["LogConfiguration"] = new(StringComparer.Ordinal) { ["logDriver"] = S, ["options"] = "map" },
        ["FirelensConfiguration"] = new(StringComparer.Ordinal) { ["type"] = S, ["options"] = "map" },
    };

    public static TheoryData<string> Examples => new(ExampleSpecs.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_field_has_the_name_and_type_the_task_definition_format_defines(string example)
    {
        var spec = EcsGoldenTests.Load(example);
        foreach (var plan in EcsServiceView.For(EcsFargatePlanner.Plan(spec, new PriceBook(PriceCatalog.Embedded, spec.Pricing, spec.Region))))
        {
            // Serialise and parse back: the checks read the JSON text, as ECS would.
            var json = ToJson(ContainerDefinitions.For(plan)).ShouldNotBeNull().ToJsonString();
            var containers = JsonNode.Parse(json).ShouldBeOfType<JsonArray>();
            containers.Count.ShouldBe(2);
            foreach (var c in containers)
            {
                Check(c.ShouldNotBeNull(), "ContainerDefinition", plan.Name);
            }

            var names = containers.Select(c => (string?)c?["name"]).ToArray();
            names.ShouldBeUnique();
            var app = containers[0].ShouldNotBeNull();
            var router = containers[1].ShouldNotBeNull();
            ((bool?)app["readonlyRootFilesystem"]).ShouldBe(true);
            ((string?)app["logConfiguration"]?["logDriver"]).ShouldBe("awsfirelens");
            ((string?)router["firelensConfiguration"]?["type"]).ShouldBeOneOf("fluentbit", "fluentd");
            ((int?)app["stopTimeout"]).ShouldNotBeNull().ShouldBeInRange(2, 120);
            foreach (var d in app["dependsOn"].ShouldBeOfType<JsonArray>())
            {
                names.ShouldContain((string?)d?["containerName"]);
                ((string?)d?["condition"]).ShouldBeOneOf("START", "COMPLETE", "SUCCESS", "HEALTHY");
            }

            if (app["healthCheck"] is JsonObject hc)
            {
                ((int?)hc["interval"]).ShouldNotBeNull().ShouldBeInRange(5, 300);
                ((int?)hc["timeout"]).ShouldNotBeNull().ShouldBeInRange(2, 60);
                ((int?)hc["retries"]).ShouldNotBeNull().ShouldBeInRange(1, 10);
                ((int?)hc["startPeriod"]).ShouldNotBeNull().ShouldBeInRange(0, 300);
                ((string?)hc["command"]?[0]).ShouldBe("CMD-SHELL");
            }

            // Secrets only through `secrets`, one per name the spec gives, never as environment variables.
            app.AsObject().ContainsKey("environment").ShouldBeFalse();
            app["secrets"].ShouldBeOfType<JsonArray>().Select(x => (string?)x?["name"]).ShouldBe(plan.Spec.Secrets.Keys.Order(StringComparer.Ordinal));
        }
    }

    private static void Check(JsonNode node, string shape, string where)
    {
        var fields = Shapes[shape];
        foreach (var (name, value) in node.ShouldBeOfType<JsonObject>())
        {
            fields.ShouldContainKey(name, $"{where}: {shape} has no field {name}");
            var type = fields[name];
            var at = $"{where}: {shape}.{name}";
            switch (type)
            {
                case "map":
                    foreach (var (_, v) in value.ShouldBeOfType<JsonObject>())
                    {
                        Kind(v).ShouldBe(S, at + " values must be strings");
                    }

                    break;
                case var t when t.StartsWith("array:", StringComparison.Ordinal):
                    foreach (var item in value.ShouldBeOfType<JsonArray>())
                    {
                        var inner = t["array:".Length..];
                        if (inner == S)
                        {
                            Kind(item).ShouldBe(S, at);
                        }
                        else
                        {
                            Check(item.ShouldNotBeNull(), inner, where);
                        }
                    }

                    break;
                case var t when t.StartsWith("object:", StringComparison.Ordinal):
                    Check(value.ShouldNotBeNull(), t["object:".Length..], where);
                    break;
                default:
                    Kind(value).ShouldBe(type, at);
                    break;
            }
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out _) => B,
        JsonValue v when v.TryGetValue<long>(out _) => I,
        JsonValue v when v.TryGetValue<string>(out _) => S,
        JsonArray => "array",
        JsonObject => "object",
        _ => "null",
    };

    /// <summary>What jsonencode() makes of the value; a reference becomes a placeholder string.</summary>
    private static JsonNode? ToJson(HclValue value) => value switch
    {
        HclString s => JsonValue.Create(s.Value),
        HclRaw { Expression: "true" } => JsonValue.Create(true),
        HclRaw { Expression: "false" } => JsonValue.Create(false),
        HclRaw { Expression: "null" } => null,
        HclRaw r when long.TryParse(r.Expression, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        HclRaw r => JsonValue.Create("<" + r.Expression + ">"),
        HclList l => new JsonArray(l.Items.Select(ToJson).ToArray()),
        HclObject o => new JsonObject(o.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        _ => throw new InvalidOperationException(value.GetType().Name),
    };
}
