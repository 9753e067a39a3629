using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision;

/// <summary>Renders an assessment as the stable JSON contract or as markdown. Output is culture-independent, LF only.</summary>
public static class AssessmentFormats
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The output goes to files and terminals, not into HTML: keep quotes and '+' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void WriteCosts(Utf8JsonWriter w, CostReport costs)
    {
        w.WriteStartObject("costs");
        w.WriteString("currency", costs.Currency);
        w.WriteString("region", costs.Region);
        w.WriteString("catalogAsOf", costs.CatalogAsOf);
        if (costs.Cheapest() is { } cheapest)
        {
            w.WriteString("cheapest", cheapest.Id);
        }

        if (costs.Cheapest(infrastructureOnly: true) is { } cheapestInfra)
        {
            w.WriteString("cheapestInfrastructure", cheapestInfra.Id);
        }

        w.WriteStartArray("options");
        foreach (var o in costs.Ranked())
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteNumber("infrastructureMonthlyUsd", o.InfrastructureUsd);
            w.WriteNumber("engineeringMonthlyUsd", o.EngineeringUsd);
            w.WriteNumber("monthlyUsd", o.MonthlyUsd);
            w.WriteBoolean("estimated", o.Estimated);
            w.WriteBoolean("feasible", o.Feasible);
            w.WriteStartArray("infeasible");
            foreach (var reason in o.Infeasible)
            {
                w.WriteStringValue(reason);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>{ recommendation, closeCall, scores: { ecs-fargate, eks }, reasons: [ { id, favours, weight, text } ],
    /// counterfactuals: [ { change, recommendation } ] }</c>, indented two spaces, with a trailing newline.
    /// </summary>
    public static string ToJson(Assessment a) => ToJson(a, null);

    /// <summary>The assessment, and with <paramref name="costs"/> the cost summary printed with it: each option's
    /// monthly cost and whether it can run the workload, and the cheapest option that can.</summary>
    public static string ToJson(Assessment a, CostReport? costs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("recommendation", PlatformIds.Id(a.Recommendation));
            w.WriteBoolean("closeCall", a.CloseCall);
            w.WriteStartObject("scores");
            w.WriteNumber(PlatformIds.EcsFargate, a.EcsScore);
            w.WriteNumber(PlatformIds.Eks, a.EksScore);
            w.WriteEndObject();
            w.WriteStartArray("reasons");
            foreach (var r in Sorted(a.Reasons))
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("favours", PlatformIds.Id(r.Favours));
                w.WriteNumber("weight", r.Weight);
                w.WriteString("text", r.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("counterfactuals");
            foreach (var c in a.Counterfactuals)
            {
                w.WriteStartObject();
                w.WriteString("change", c.Change);
                w.WriteString("recommendation", PlatformIds.Id(c.Recommendation));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (costs is not null)
            {
                WriteCosts(w, costs);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string ToMarkdown(Assessment a, BerthSpec spec)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("# Assessment: " + spec.Name);
        Line();
        var closeCall = a.CloseCall ? " (close call: small changes could flip it, see below)" : string.Empty;
        Line("**Recommendation: " + PlatformIds.Id(a.Recommendation) + "**" + closeCall);
        Line();
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"Scores: {PlatformIds.EcsFargate} {a.EcsScore}, {PlatformIds.Eks} {a.EksScore}"));
        Line();
        Line("## Reasons");
        Line();
        Line("| Weight | Favours | Reason |");
        Line("|---:|---|---|");
        foreach (var r in Sorted(a.Reasons))
        {
            Line(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Weight} | {PlatformIds.Id(r.Favours)} | {EscapeCell(r.Text)} |"));
        }

        Line();
        Line("## What would change the answer");
        Line();
        if (a.Counterfactuals.Count == 0)
        {
            Line("No single change to the input flips the recommendation.");
        }
        else
        {
            foreach (var c in a.Counterfactuals)
            {
                Line("- " + c.Change + " → " + PlatformIds.Id(c.Recommendation));
            }
        }

        return md.ToString();
    }

    /// <summary>Weight descending, then id; neutral reasons (weight 0) therefore come last.</summary>
    private static IEnumerable<Reason> Sorted(IEnumerable<Reason> reasons) =>
        reasons.OrderByDescending(r => r.Weight).ThenBy(r => r.Id, StringComparer.Ordinal);

    private static string EscapeCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
