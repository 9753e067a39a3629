using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Berth.Spec;
using Berth.Tests.Cli;

namespace Berth.Tests.Spec;

/// <summary>
/// docs/berth-yaml.md against the one declaration of berth.yaml (<see cref="SpecSchema"/>, whose numeric keys come
/// from <see cref="SpecKeys"/>): every key documented and every documented key real, with the range, default and
/// values the schema gives — as the README's rule table is checked against the rule classes.
/// </summary>
public sealed partial class BerthYamlDocTests
{
    /// <summary>Each mapping of berth.yaml, the section of the doc that documents it and how its keys are written there.</summary>
    private static readonly (SchemaObject Schema, string Section, string Prefix)[] Sections =
    [
        (SpecSchema.Root, "Top level", ""),
        (SpecSchema.Team, "team", ""),
        (SpecSchema.Requirements, "requirements", ""),
        (SpecSchema.Service, "services[]", ""),
        (SpecSchema.Scaling, "services[]", "scaling."),
        (SpecSchema.EventSource, "services[]", "eventSource."),
        (SpecSchema.Ecs, "ecs", ""),
        (SpecSchema.CapacityProvider, "ecs", "…[]."),
        (SpecSchema.Eks, "eks", ""),
        (SpecSchema.NodeGroup, "eks", "nodeGroups[]."),
        (SpecSchema.Karpenter, "eks", "karpenter."),
        (SpecSchema.ResourcePair, "eks", "daemonSetOverhead."),
        (SpecSchema.Pricing, "pricing", ""),
        (SpecSchema.Overrides, "pricing", "overrides."),
        (SpecSchema.FargateOverride, "pricing", "overrides.fargate."),
        (SpecSchema.Ec2Override, "pricing", "overrides.ec2.<type>."),
        (SpecSchema.Discounts, "pricing", "discounts."),
        (SpecSchema.EngineeringHours, "pricing", "engineeringHoursPerMonth."),
        (SpecSchema.Simulation, "simulation", ""),
        (SpecSchema.Noise, "simulation", "noise."),
        (SpecSchema.DemandEvent, "simulation", "events[]."),
    ];

    private sealed record Row(string Key, string Type, string Default, int Line);

    [Fact]
    public void Every_key_of_berth_yaml_is_documented_with_its_range_default_and_values()
    {
        var rows = DocRows();
        var drift = new List<string>();
        foreach (var (schema, section, prefix) in Sections)
        {
            var documented = rows.GetValueOrDefault(section) ?? [];
            foreach (var property in schema.Properties)
            {
                var key = prefix + property.Name;
                var row = documented.FirstOrDefault(r => r.Key == key);
                if (row is null)
                {
                    // A mapping may be documented through its keys (karpenter.enabled, overrides.ec2.<type>.spot).
                    if (!documented.Any(r => r.Key.StartsWith(key + ".", StringComparison.Ordinal) || r.Key.StartsWith(key + "[]", StringComparison.Ordinal)))
                    {
                        drift.Add($"## {section}: `{key}` is a key of berth.yaml but has no row");
                    }

                    continue;
                }

                drift.AddRange(Compare(section, row, property.Schema()));
            }
        }

        foreach (var (section, documented) in rows)
        {
            var keys = Sections.Where(s => s.Section == section).SelectMany(s => s.Schema.Properties.Select(p => s.Prefix + p.Name)).ToHashSet(StringComparer.Ordinal);
            drift.AddRange(documented
                .Where(r => !keys.Contains(r.Key))
                .Select(r => $"docs/berth-yaml.md:{r.Line}: `{r.Key}` is documented under ## {section} but berth.yaml has no such key"));
        }

        drift.ShouldBeEmpty(string.Join("\n", drift));
    }

    [Fact]
    public void The_drift_check_sees_a_wrong_range_a_wrong_default_and_a_missing_value()
    {
        var schema = SpecKeys.Team.Engineers.Schema();
        Compare("team", new Row("engineers", "1..10000", "`5`", 1), schema).ShouldBeEmpty();
        Compare("team", new Row("engineers", "1..1000", "`5`", 1), schema).ShouldHaveSingleItem().ShouldContain("1..10000");
        Compare("team", new Row("engineers", "1..10000", "`6`", 1), schema).ShouldHaveSingleItem().ShouldContain("`5`");
        var expertise = SpecSchema.Team.Properties.Single(p => p.Name == "kubernetesExpertise").Schema();
        Compare("team", new Row("kubernetesExpertise", "`none` \\| `some`", "`none`", 1), expertise).ShouldHaveSingleItem().ShouldContain("`strong`");
    }

    private static IEnumerable<string> Compare(string section, Row row, JsonObject schema)
    {
        var at = $"docs/berth-yaml.md:{row.Line}: ## {section} `{row.Key}`";
        var range = schema["items"] is JsonObject items && schema["type"]?.GetValue<string>() == "array" ? items : schema;
        if (range["minimum"] is { } min && range["maximum"] is { } max)
        {
            var expected = $"{Number(min)}..{Number(max)}";
            if (!row.Type.Contains(expected, StringComparison.Ordinal))
            {
                yield return $"{at}: the type column says '{row.Type}'; the schema's range is {expected}";
            }
        }

        if (schema["default"] is JsonValue value)
        {
            var expected = value.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
                System.Text.Json.JsonValueKind.True => "true",
                System.Text.Json.JsonValueKind.False => "false",
                _ => Number(value),
            };
            if (Unquoted(row.Default) != expected)
            {
                yield return $"{at}: the default column says '{row.Default}'; the schema's default is `{expected}`";
            }
        }

        var values = (schema["enum"] ?? schema["items"]?["enum"]) as JsonArray;
        if (values is not null && row.Type.Contains('`', StringComparison.Ordinal))
        {
            foreach (var v in values.Select(v => v!.GetValue<string>()).Where(v => !row.Type.Contains($"`{v}`", StringComparison.Ordinal)))
            {
                yield return $"{at}: the type column '{row.Type}' does not list `{v}`";
            }
        }
    }

    private static string Number(JsonNode node) => node.ToJsonString();

    /// <summary>`"1.33"` (a value to quote in YAML) is the string 1.33.</summary>
    private static string Unquoted(string cell) => cell.Trim().Trim('`').Trim('"');

    /// <summary>The rows of the key tables, by section (## heading); a ### heading starts a table that is not about keys.</summary>
    private static Dictionary<string, List<Row>> DocRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "berth-yaml.md"));
        var rows = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = null;
            }
            else if (section is not null && line.StartsWith("| `", StringComparison.Ordinal))
            {
                // Cells split on unescaped pipes: `a` \| `b` is one cell.
                var cells = Cell().Split(line.Trim().Trim('|')).Select(c => c.Trim()).ToArray();
                var entry = new Row(cells[0].Trim('`'), cells[1], cells[2], i + 1);
                (rows.TryGetValue(section, out var list) ? list : rows[section] = []).Add(entry);
            }
        }

        return rows;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Cell();
}
