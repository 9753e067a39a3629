using System.Globalization;
using System.Text;
using Berth.Formatting;

namespace Berth.Costing;

/// <summary>One line item whose monthly figure differs between the base and the change (0 on the side it is missing from).</summary>
public sealed record LineChange(string Description, decimal BaseUsd, decimal HeadUsd)
{
    public decimal DeltaUsd => HeadUsd - BaseUsd;

    /// <summary>"added", "removed" or "changed".</summary>
    public string Kind { get; init; } = "changed";
}

/// <summary>One option on both sides: its totals, its feasibility and the lines that changed. A side is null when the option is priced on only one.</summary>
public sealed record OptionChange(string Id, string Title, CostOption? Base, CostOption? Head, IReadOnlyList<LineChange> Lines)
{
    public decimal BaseUsd => Base?.MonthlyUsd ?? 0;

    public decimal HeadUsd => Head?.MonthlyUsd ?? 0;

    public decimal DeltaUsd => HeadUsd - BaseUsd;

    /// <summary>Whether the option could run on one side and not on the other (or exists on only one side).</summary>
    public bool FeasibilityChanged => Base?.Feasible != Head?.Feasible;
}

/// <summary>
/// What a change to berth.yaml adds or saves a month, option by option and line by line (Infracost's diff, for both
/// platforms). Lines are matched by their description, which names the service, size and capacity they price: a
/// resized service is its old line removed and its new line added. A base in another region or on other options is
/// compared option by option, and says so.
/// </summary>
public sealed partial record CostComparison(CostReport Base, CostReport Head, IReadOnlyList<OptionChange> Options, IReadOnlyList<string> Notes)
{
    public static CostComparison Of(CostReport baseline, CostReport head)
    {
        var ids = head.Options.Select(o => o.Id).Concat(baseline.Options.Select(o => o.Id)).Distinct(StringComparer.Ordinal).ToArray();
        var options = new List<OptionChange>();
        foreach (var id in ids)
        {
            var b = baseline.Options.FirstOrDefault(o => o.Id == id);
            var h = head.Options.FirstOrDefault(o => o.Id == id);
            options.Add(new OptionChange(id, (h ?? b)!.Title, b, h, Lines(b, h)));
        }

        var notes = new List<string>();
        if (baseline.Region != head.Region)
        {
            notes.Add($"the region changed ({baseline.Region} → {head.Region}): every price differs, so lines are compared option by option");
        }

        if (baseline.CatalogAsOf != head.CatalogAsOf || baseline.CatalogOrigin != head.CatalogOrigin)
        {
            notes.Add($"the catalogs differ ({baseline.CatalogOrigin} as of {baseline.CatalogAsOf} → {head.CatalogOrigin} as of {head.CatalogAsOf}): part of the difference is prices, not the change");
        }

        foreach (var o in options.Where(o => o.Base is null || o.Head is null))
        {
            notes.Add(o.Base is null ? $"{o.Id} is priced only after the change" : $"{o.Id} is priced only before the change");
        }

        return new CostComparison(baseline, head, options, notes);
    }

    private static List<LineChange> Lines(CostOption? b, CostOption? h)
    {
        var before = Totals(b);
        var after = Totals(h);
        var result = new List<LineChange>();

        // In the change's line order, then the lines the change removed in the base's order.
        foreach (var (description, usd) in after)
        {
            if (!before.TryGetValue(description, out var old))
            {
                result.Add(new LineChange(description, 0, usd) { Kind = "added" });
            }
            else if (old != usd)
            {
                result.Add(new LineChange(description, old, usd));
            }
        }

        result.AddRange(before.Where(kv => !after.ContainsKey(kv.Key)).Select(kv => new LineChange(kv.Key, kv.Value, 0) { Kind = "removed" }));
        return result;
    }

    /// <summary>
    /// Each line's monthly total by what it prices, in first-seen order (a line that repeats is summed). A Karpenter
    /// line's average node count is a result, not what it prices: "NodePool general: m5.large spot (avg 2.5 nodes)"
    /// and "(avg 3 nodes)" are the same line, changed.
    /// </summary>
    private static OrderedDictionary<string, decimal> Totals(CostOption? o)
    {
        var totals = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var l in o?.LineItems ?? [])
        {
            var key = AverageNodes().Replace(l.Description, "");
            totals[key] = totals.GetValueOrDefault(key) + l.MonthlyUsd;
        }

        return totals;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" \(avg [0-9.]+ nodes?\)")]
    private static partial System.Text.RegularExpressions.Regex AverageNodes();

    public string ToJson() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("currency", Head.Currency);
        w.WriteString("baseRegion", Base.Region);
        w.WriteString("region", Head.Region);
        w.WriteStartArray("notes");
        foreach (var n in Notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        w.WriteStartArray("options");
        foreach (var o in Options)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteNumber("baseMonthlyUsd", o.BaseUsd);
            w.WriteNumber("monthlyUsd", o.HeadUsd);
            w.WriteNumber("deltaMonthlyUsd", o.DeltaUsd);
            Feasible(w, "baseFeasible", o.Base);
            Feasible(w, "feasible", o.Head);
            w.WriteBoolean("feasibilityChanged", o.FeasibilityChanged);
            w.WriteStartArray("infeasible");
            foreach (var reason in o.Head?.Infeasible ?? [])
            {
                w.WriteStringValue(reason);
            }

            w.WriteEndArray();
            w.WriteStartArray("lineItems");
            foreach (var l in o.Lines)
            {
                w.WriteStartObject();
                w.WriteString("description", l.Description);
                w.WriteString("change", l.Kind);
                w.WriteNumber("baseMonthlyUsd", l.BaseUsd);
                w.WriteNumber("monthlyUsd", l.HeadUsd);
                w.WriteNumber("deltaMonthlyUsd", l.DeltaUsd);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A pull-request comment: the totals per option, the feasibility changes, then each option's changed lines.</summary>
    public string ToMarkdown(string name)
    {
        var sb = new StringBuilder();
        sb.Append("## Monthly cost of this change: ").Append(name).Append("\n\n");
        foreach (var n in Notes)
        {
            sb.Append("> ").Append(n).Append("\n\n");
        }

        sb.Append("| Option | Before | After | Change |\n|---|---:|---:|---:|\n");
        foreach (var o in Options)
        {
            sb.Append("| ").Append(o.Id).Append(Status(o)).Append(" | $").Append(Fmt.Usd(o.BaseUsd)).Append(" | $").Append(Fmt.Usd(o.HeadUsd))
                .Append(" | **").Append(Delta(o.DeltaUsd)).Append("** |\n");
        }

        foreach (var o in Options.Where(o => o.FeasibilityChanged && o.Head is { Feasible: false }))
        {
            sb.Append("\n**").Append(o.Id).Append(" can no longer run:** ").Append(string.Join("; ", o.Head!.Infeasible).Replace("|", "\\|", StringComparison.Ordinal)).Append('\n');
        }

        foreach (var o in Options.Where(o => o.Lines.Count > 0))
        {
            sb.Append("\n<details><summary>").Append(o.Id).Append(": ").Append(o.Lines.Count.ToString(CultureInfo.InvariantCulture))
                .Append(o.Lines.Count == 1 ? " line" : " lines").Append(" changed, ").Append(Delta(o.DeltaUsd)).Append(" a month</summary>\n\n")
                .Append("| Item | Change | Before | After | Δ |\n|---|---|---:|---:|---:|\n");
            foreach (var l in o.Lines)
            {
                sb.Append("| ").Append(l.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(l.Kind)
                    .Append(" | $").Append(Fmt.Usd(l.BaseUsd)).Append(" | $").Append(Fmt.Usd(l.HeadUsd)).Append(" | ").Append(Delta(l.DeltaUsd)).Append(" |\n");
            }

            sb.Append("\n</details>\n");
        }

        return sb.ToString();
    }

    /// <summary>" (can no longer run)", " (can run now)", " (new)", " (gone)" or "".</summary>
    public static string Status(OptionChange o) => o switch
    {
        { Base: null } => " (new)",
        { Head: null } => " (gone)",
        { FeasibilityChanged: true, Head.Feasible: false } => " (can no longer run)",
        { FeasibilityChanged: true } => " (can run now)",
        { Head.Feasible: false } => " (cannot run)",
        _ => "",
    };

    /// <summary>"+$1,234.50" or "−$12.00" (a true minus sign), "$0.00" for no change.</summary>
    public static string Delta(decimal usd) => usd switch
    {
        > 0 => "+$" + Fmt.Usd(usd),
        < 0 => "−$" + Fmt.Usd(-usd),
        _ => "$0.00",
    };

    private static void Feasible(System.Text.Json.Utf8JsonWriter w, string name, CostOption? o)
    {
        if (o is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteBoolean(name, o.Feasible);
        }
    }
}
