using System.Globalization;
using System.Text;
using Berth.Catalog;
using Berth.Formatting;

namespace Berth.Costing;

/// <summary>The machine-readable forms of a cost report: DESIGN.md's JSON contract, CSV and Markdown.</summary>
public static class CostFormats
{
    public static string ToJson(CostReport r)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", r.Currency);
            w.WriteNumber("hoursPerMonth", r.HoursPerMonth);
            w.WriteString("region", r.Region);
            w.WriteString("catalogAsOf", r.CatalogAsOf);
            w.WriteString("catalog", r.CatalogOrigin);
            w.WriteStartArray("priceNotes");
            foreach (var n in r.PriceNotes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            w.WriteStartArray("options");
            foreach (var o in r.Options)
            {
                w.WriteStartObject();
                w.WriteString("id", o.Id);
                w.WriteString("platform", o.Platform);
                w.WriteString("title", o.Title);
                w.WriteNumber("monthlyUsd", o.MonthlyUsd);
                w.WriteNumber("infrastructureMonthlyUsd", o.InfrastructureUsd);
                w.WriteNumber("engineeringMonthlyUsd", o.EngineeringUsd);
                w.WriteBoolean("feasible", o.Feasible);
                w.WriteStartArray("infeasible");
                foreach (var reason in o.Infeasible)
                {
                    w.WriteStringValue(reason);
                }

                w.WriteEndArray();
                w.WriteString("catalogAsOf", r.CatalogAsOf);
                w.WriteBoolean("estimated", o.Estimated);
                w.WriteStartArray("estimates");
                foreach (var e in o.Estimates)
                {
                    w.WriteStringValue(e);
                }

                w.WriteEndArray();
                w.WriteStartObject("figures");
                foreach (var (k, v) in o.Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    w.WriteNumber(k, v);
                }

                w.WriteEndObject();
                w.WriteStartArray("notes");
                foreach (var n in o.Notes)
                {
                    w.WriteStringValue(n);
                }

                w.WriteEndArray();
                w.WriteStartArray("lineItems");
                foreach (var l in o.LineItems)
                {
                    w.WriteStartObject();
                    w.WriteString("description", l.Description);
                    w.WriteNumber("quantity", l.Quantity);
                    w.WriteString("unit", l.Unit);
                    w.WriteNumber("unitPriceUsd", l.UnitPriceUsd);
                    w.WriteNumber("monthlyUsd", l.MonthlyUsd);
                    w.WriteString("kind", l.Kind == LineItemKind.EngineeringTime ? "engineering-time" : "infrastructure");
                    w.WriteString("group", l.Group);
                    w.WriteBoolean("estimated", l.Estimated);
                    if (l.Price is { } price)
                    {
                        w.WriteString("basis", price.BasisText);
                        w.WriteString("source", price.Source);
                        w.WriteString("asOf", price.AsOf);
                    }

                    if (l.Note is not null)
                    {
                        w.WriteString("note", l.Note);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string ToCsv(CostReport r)
    {
        var sb = new StringBuilder();
        sb.Append("option,platform,description,quantity,unit,unitPriceUsd,monthlyUsd,kind,group,estimated,catalogAsOf,feasible,infeasible\n");
        foreach (var o in r.Options)
        {
            var feasible = o.Feasible ? "true" : "false";
            foreach (var l in o.LineItems)
            {
                sb.Append(Csv.Line([
                    o.Id, o.Platform, l.Description, Inv(l.Quantity), l.Unit, Inv(l.UnitPriceUsd), Inv(l.MonthlyUsd),
                    l.Kind == LineItemKind.EngineeringTime ? "engineering-time" : "infrastructure", l.Group,
                    l.Estimated ? "true" : "false", r.CatalogAsOf, feasible, "",
                ])).Append('\n');
            }

            sb.Append(Csv.Line([o.Id, o.Platform, "TOTAL", "", "", "", Inv(o.MonthlyUsd), "", "", o.Estimated ? "true" : "false", r.CatalogAsOf,
                feasible, string.Join("; ", o.Infeasible)])).Append('\n');
        }

        return sb.ToString();
    }

    public static string ToMarkdown(CostReport r, string name)
    {
        var sb = new StringBuilder();
        sb.Append("## Monthly cost: ").Append(name).Append('\n').Append('\n');
        sb.Append("Region ").Append(r.Region).Append(", ").Append(Inv(r.HoursPerMonth)).Append(" hours a month, prices from the ")
            .Append(r.CatalogOrigin).Append(" catalog as of ").Append(r.CatalogAsOf).Append(". Engineering time is an estimate.\n\n");
        foreach (var n in r.PriceNotes)
        {
            sb.Append("> ").Append(n).Append("\n\n");
        }

        sb.Append("| Option | Infrastructure | Engineering time | Total |\n|---|---:|---:|---:|\n");
        foreach (var o in r.Ranked())
        {
            sb.Append("| ").Append(o.Id).Append(o.Estimated ? " (estimated)" : "").Append(o.Feasible ? "" : " — cannot run").Append(" | $").Append(Fmt.Usd(o.InfrastructureUsd))
                .Append(" | $").Append(Fmt.Usd(o.EngineeringUsd)).Append(" | **$").Append(Fmt.Usd(o.MonthlyUsd)).Append("** |\n");
        }

        foreach (var o in r.Ranked().Where(o => !o.Feasible))
        {
            foreach (var reason in o.Infeasible)
            {
                sb.Append("\n**").Append(o.Id).Append(" cannot run:** ").Append(reason.Replace("|", "\\|", StringComparison.Ordinal)).Append('\n');
            }
        }

        foreach (var o in r.Ranked())
        {
            sb.Append("\n<details><summary>").Append(o.Id).Append(": ").Append(o.Title).Append(" — $").Append(Fmt.Usd(o.MonthlyUsd))
                .Append("</summary>\n\n| Item | Quantity | Unit price | Monthly |\n|---|---:|---:|---:|\n");
            foreach (var l in o.LineItems)
            {
                sb.Append("| ").Append(l.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(l.Estimated ? " *" : "")
                    .Append(" | ").Append(Fmt.Number(l.Quantity)).Append(' ').Append(l.Unit)
                    .Append(" | $").Append(Inv(l.UnitPriceUsd)).Append(" | $").Append(Fmt.Usd(l.MonthlyUsd)).Append(" |\n");
            }

            foreach (var n in o.Notes.Concat(o.Estimates))
            {
                sb.Append("\n- ").Append(n);
            }

            sb.Append("\n\n</details>\n");
        }

        sb.Append("\n\\* estimated\n");
        return sb.ToString();
    }

    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
