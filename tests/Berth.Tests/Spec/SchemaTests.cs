using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Berth.Spec;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Spec;

public sealed partial class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(SpecSchema.ToJsonText());

    [Fact]
    public void Schema_text_is_json_and_declares_draft_2020_12()
    {
        var json = JsonNode.Parse(SpecSchema.ToJsonText()).ShouldBeOfType<JsonObject>();

        json["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        json["$id"]!.GetValue<string>().ShouldBe(SpecSchema.Id);
        json["type"]!.GetValue<string>().ShouldBe("object");
        json["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        json["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["version", "name", "services"]);
        SpecSchema.ToJsonText().ShouldEndWith("}\n");
    }

    [Fact]
    public void Full_spec_validates()
    {
        SpecLoader.Parse(SpecSamples.Full, "berth.yaml").Succeeded.ShouldBeTrue();

        var results = Evaluate(SpecSamples.Full);

        results.IsValid.ShouldBeTrue(Describe(results));
    }

    [Fact]
    public void Minimal_spec_validates()
    {
        Evaluate(SpecSamples.Minimal).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("regoin: eu-west-1\n")]
    [InlineData("environment: prod\n")]
    [InlineData("currentPlatform: ecs\n")]
    [InlineData("team: { kubernetesExpertise: expert }\n")]
    [InlineData("services:\n  - name: api\n    replicas: 2\n    scaling: { min: 1, max: 3 }\n")]
    [InlineData("services:\n  - name: api\n    cpu: 2Gi\n")]
    [InlineData("services:\n  - name: api\n    demand: [0.5, 0.5]\n")]
    [InlineData("services:\n  - name: api\n    secrets: { 1DB: x }\n")]
    [InlineData("services: []\n")]
    [InlineData("team: { engineers: 0 }\n")]
    [InlineData("eks: { karpenter: { consolidateAfter: \"\" } }\n")]
    [InlineData("name: Upper_Case\n")]
    public void Invalid_specs_do_not_validate_and_the_loader_agrees(string change)
    {
        var yaml = Apply(SpecSamples.Minimal, change);

        Evaluate(yaml).IsValid.ShouldBeFalse();
        SpecLoader.Parse(yaml, "berth.yaml").Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void Every_schema_object_has_unique_camel_case_keys()
    {
        var objects = typeof(SpecSchema).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(SchemaObject))
            .Select(p => (p.Name, Object: (SchemaObject)p.GetValue(null)!))
            .ToList();

        objects.Count.ShouldBeGreaterThanOrEqualTo(15);
        foreach (var (name, o) in objects)
        {
            o.Keys.ShouldBeUnique($"{name} has a repeated key");
            o.Keys.ShouldAllBe(k => CamelCase().IsMatch(k), $"{name} has a key that is not camelCase");
            o.Required.ShouldAllBe(r => o.Keys.Contains(r), $"{name} requires a key it does not declare");
            o.Description.ShouldNotBeNullOrWhiteSpace();
            o.ToJson()["properties"]!.AsObject().Count.ShouldBe(o.Keys.Count);
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();

    private static EvaluationResults Evaluate(string yaml)
    {
        var json = YamlToJson(yaml);
        return Schema.Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Select(e => e.Key + " " + e.Value))}"));

    /// <summary>Appends root-level keys to a spec, replacing any the spec already has.</summary>
    private static string Apply(string spec, string change)
    {
        var changed = change.Split('\n')[0].Split(':')[0];
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in spec.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ')
            {
                skipping = line.StartsWith(changed + ":", StringComparison.Ordinal);
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return string.Join("\n", kept).TrimEnd() + "\n" + change;
    }

    /// <summary>YAML (YamlDotNet's representation model) to JSON: plain scalars that read as numbers, booleans or null become those.</summary>
    internal static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonValue? Scalar(YamlScalarNode s)
    {
        var text = s.Value ?? "";
        if (s.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }

    [Fact]
    public void The_converter_types_scalars_as_yaml_does()
    {
        var json = YamlToJson("a: 1\nb: \"1\"\nc: 0.5\nd: true\ne: yes\nf: ~\ng: 2Gi\nh: \"1.30\"\n")!.AsObject();

        json["a"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        json["b"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        json["c"]!.GetValue<decimal>().ShouldBe(0.5m);
        json["d"]!.GetValueKind().ShouldBe(JsonValueKind.True);
        json["e"]!.GetValue<string>().ShouldBe("yes");
        json["f"].ShouldBeNull();
        json["g"]!.GetValue<string>().ShouldBe("2Gi");
        json["h"]!.GetValue<string>().ShouldBe("1.30");
    }
}
