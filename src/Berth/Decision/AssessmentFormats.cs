using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Berth.Costing;
using Berth.Formatting;
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

    /// <summary>
    /// <c>current: { platform, runsOn, verdict, option, moveTo, change, migration, paybackMonths, samePlatform, adds,
    /// loses, notes, summary }</c>: present only when berth.yaml says what the team runs (<c>currentPlatform</c>).
    /// </summary>
    private static void WriteCurrent(Utf8JsonWriter w, MoveAssessment m, Assessment a)
    {
        w.WriteStartObject("current");
        w.WriteString("platform", SpecEnums.CurrentPlatform.NameOf(m.Declared));
        w.WriteString("runsOn", PlatformIds.Id(m.RunsOn));
        w.WriteString("verdict", m.Move ? "move" : "stay");
        WriteFigures(w, "option", m.Current);
        WriteFigures(w, "moveTo", m.Target);
        if (m.MonthlyChangeUsd is { } total)
        {
            w.WriteStartObject("change");
            w.WriteNumber("infrastructureMonthlyUsd", m.InfrastructureChangeUsd!.Value);
            w.WriteNumber("engineeringMonthlyUsd", m.EngineeringChangeUsd!.Value);
            w.WriteNumber("monthlyUsd", total);
            w.WriteEndObject();
        }

        WriteMigration(w, "migration", m.Migration);
        if (m.PaybackMonths is { } months)
        {
            w.WriteNumber("paybackMonths", months);
        }
        else
        {
            w.WriteNull("paybackMonths");
        }

        if (m.SamePlatform is { } same)
        {
            w.WriteStartObject("samePlatform");
            w.WriteString("id", same.Option.Id);
            w.WriteNumber("monthlyUsd", same.Option.MonthlyUsd);
            w.WriteNumber("savingMonthlyUsd", same.SavingUsd);
            if (same.Migration is { } sm)
            {
                WriteMigration(w, "migration", sm);
            }

            w.WriteEndObject();
        }

        WriteStrings(w, "adds", m.Adds);
        WriteStrings(w, "loses", m.Loses);
        WriteStrings(w, "notes", m.Notes);
        w.WriteString("summary", m.Summary(a));
        w.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter w, string name, OptionFigures? o)
    {
        if (o is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("id", o.Id);
        w.WriteNumber("infrastructureMonthlyUsd", o.InfrastructureUsd);
        w.WriteNumber("engineeringMonthlyUsd", o.EngineeringUsd);
        w.WriteNumber("monthlyUsd", o.MonthlyUsd);
        w.WriteBoolean("feasible", o.Feasible);
        w.WriteEndObject();
    }

    private static void WriteMigration(Utf8JsonWriter w, string name, MigrationEstimate m)
    {
        w.WriteStartObject(name);
        w.WriteNumber("hours", m.Hours);
        w.WriteNumber("usd", m.Usd);
        w.WriteBoolean("estimated", true);
        w.WriteStartArray("tasks");
        foreach (var t in m.Tasks)
        {
            w.WriteStartObject();
            w.WriteString("description", t.Description);
            w.WriteNumber("hours", t.Hours);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

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
            if (a.Current is { } current)
            {
                WriteCurrent(w, current, a);
            }

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

        if (a.Current is { } current)
        {
            Line();
            Line("## The platform you run now");
            Line();
            CurrentMarkdown(current, a, Line);
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

    private static void CurrentMarkdown(MoveAssessment m, Assessment a, Action<string> line)
    {
        line(EscapeCell(m.Summary(a)));
        line("");
        if (m.Current is { } now && m.Target is { } to)
        {
            line($"| Monthly | {now.Id} (now) | {to.Id} | change |");
            line("|---|---:|---:|---:|");
            line($"| Infrastructure | ${Fmt.Usd(now.InfrastructureUsd)} | ${Fmt.Usd(to.InfrastructureUsd)} | {MoveAssessment.Change(m.InfrastructureChangeUsd!.Value)} |");
            line($"| Engineering time (est.) | ${Fmt.Usd(now.EngineeringUsd)} | ${Fmt.Usd(to.EngineeringUsd)} | {MoveAssessment.Change(m.EngineeringChangeUsd!.Value)} |");
            line($"| Total | ${Fmt.Usd(now.MonthlyUsd)} | ${Fmt.Usd(to.MonthlyUsd)} | {MoveAssessment.Change(m.MonthlyChangeUsd!.Value)} |");
            line("");
        }

        if (m.Target is not null)
        {
            line($"One-time migration (estimated, {MoveAssessment.Hours(m.Migration.Hours)} engineer-hours, ${Fmt.Usd(m.Migration.Usd)}):");
            line("");
            foreach (var t in m.Migration.Tasks)
            {
                line($"- {t.Description}: {MoveAssessment.Hours(t.Hours)} h");
            }

            line("");
        }

        if (m.SamePlatform is { } same)
        {
            var once = same.Migration is { } sm ? $", about {MoveAssessment.Hours(sm.Hours)} engineer-hours once (estimated)" : "";
            line($"Without changing platform: {same.Option.Id} would cost ${Fmt.Usd(same.SavingUsd)} a month less than {m.Current!.Id}{once}.");
            line("");
        }

        var other = PlatformIds.Id(m.Other);
        var here = PlatformIds.Id(m.RunsOn);
        line($"What {other} adds for this spec:");
        line("");
        Bullets(m.Adds, $"No reason in this assessment favours {other}.", line);
        line("");
        line($"What moving gives up (the reasons for {here}):");
        line("");
        Bullets(m.Loses, $"No reason in this assessment favours {here}.", line);
        foreach (var note in m.Notes)
        {
            line("");
            line("Note: " + note);
        }
    }

    private static void Bullets(IReadOnlyList<string> items, string none, Action<string> line)
    {
        if (items.Count == 0)
        {
            line(none);
            return;
        }

        foreach (var item in items)
        {
            line("- " + item);
        }
    }

    /// <summary>Weight descending, then id; neutral reasons (weight 0) therefore come last.</summary>
    private static IEnumerable<Reason> Sorted(IEnumerable<Reason> reasons) =>
        reasons.OrderByDescending(r => r.Weight).ThenBy(r => r.Id, StringComparer.Ordinal);

    private static string EscapeCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
