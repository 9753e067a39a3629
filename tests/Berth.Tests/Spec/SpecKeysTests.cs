using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Berth.Spec;

namespace Berth.Tests.Spec;

/// <summary>
/// The one declaration of berth.yaml's keys (<see cref="SpecKeys"/>) is self-consistent: every default is a value the
/// key's own schema accepts, every key is listed in a mapping of <see cref="SpecSchema"/> (so the reader's key set and
/// the schema see it), and the defaults of the spec records are the keys' defaults.
/// </summary>
public sealed class SpecKeysTests
{
    public static TheoryData<string> Keys => new(AllKeys().Select(k => k.Path));

    private static IEnumerable<(string Path, SpecKey Key)> AllKeys() =>
        typeof(SpecKeys).GetNestedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => typeof(SpecKey).IsAssignableFrom(p.PropertyType))
                .Select(p => ($"{t.Name}.{p.Name}", (SpecKey)p.GetValue(null)!)));

    private static SpecKey Key(string path) => AllKeys().Single(k => k.Path == path).Key;

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_default_is_a_value_its_own_schema_accepts(string path)
    {
        var schema = Key(path).Schema();
        if (schema["default"] is not JsonValue value)
        {
            return;
        }

        if (schema["enum"] is JsonArray choices)
        {
            choices.Select(c => c!.GetValue<string>()).ShouldContain(value.GetValue<string>());
        }

        var pattern = schema["pattern"] ?? (schema["anyOf"] as JsonArray)?[0]?["pattern"];
        if (pattern is not null)
        {
            Regex.IsMatch(value.GetValue<string>(), pattern.GetValue<string>()).ShouldBeTrue($"{path}: '{value}' does not match {pattern}");
        }

        if (schema["minimum"] is { } min && schema["maximum"] is { } max)
        {
            Number(value).ShouldBeInRange(Number(min), Number(max));
        }
    }

    private static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_is_a_property_of_a_mapping_of_the_schema(string path)
    {
        var key = Key(path);
        var mappings = typeof(SpecSchema).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(SchemaObject))
            .Select(p => (SchemaObject)p.GetValue(null)!);
        mappings.SelectMany(m => m.Properties).Count(p => ReferenceEquals(p.Schema.Target, key)).ShouldBe(1, $"{path} is declared but no mapping lists it");
    }

    [Fact]
    public void A_key_that_states_a_default_in_berth_yaml_s_spelling_reads_back_as_it()
    {
        SpecKeys.Service.Cpu.Value.ShouldBe(new Millicores(250));
        SpecKeys.Service.Memory.Value.ShouldBe(ByteSize.FromMiB(512));
        SpecKeys.Service.Storage.Value.ShouldBe(ByteSize.FromGiB(20));
        SpecKeys.Karpenter.ConsolidateAfter.Value.ShouldBe(TimeSpan.FromSeconds(30));
        new DurationKey("x", "1h30m", "").Value.ShouldBe(TimeSpan.FromMinutes(90));
        new DurationKey("x", DurationKey.Never, "").Value.ShouldBeNull();
    }

    [Fact]
    public void The_records_defaults_are_the_keys_defaults()
    {
        RequirementsSpec.Default.ShouldBe(new RequirementsSpec(false, false, MultiTenancy.None, false, false, false, false, false, RequirementsSpec.Default.Operators));
        TeamSpec.Default.KubernetesExpertise.ShouldBe(SpecKeys.Team.KubernetesExpertise.Value);
        EksSpec.Default.Version.ShouldBe("1.35");
        EksSpec.Default.SupportTier.ShouldBe(SupportTier.Standard);
        EksSpec.Default.DaemonSetOverhead.ShouldBe(new ResourceOverhead(new Millicores(200), ByteSize.FromMiB(256)));
        KarpenterSpec.Default.Enabled.ShouldBeTrue();
        KarpenterSpec.Default.Consolidation.ShouldBe(ConsolidationPolicy.WhenEmptyOrUnderutilized);
    }
}
