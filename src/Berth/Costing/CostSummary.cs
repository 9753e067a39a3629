using System.Globalization;
using System.Text;
using Berth.Formatting;

namespace Berth.Costing;

/// <summary>The one-table view of a cost report that other outputs (assess, report) embed.</summary>
public static class CostSummary
{
    public static string Footnote(CostReport r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Prices: {r.CatalogOrigin} catalog as of {r.CatalogAsOf}, {r.Region}, {r.HoursPerMonth} h/month; * includes estimated prices. Engineering time is Berth's estimate (docs/cost-model.md).")
        + string.Concat(r.PriceNotes.Select(n => " " + n));

    public static string Markdown(CostReport r)
    {
        var sb = new StringBuilder("## Monthly cost\n\n| Option | Infrastructure | Engineering time (est.) | Total |\n|---|---:|---:|---:|\n");
        foreach (var o in r.Ranked())
        {
            sb.Append("| ").Append(o.Id).Append(o.Estimated ? " \\*" : "").Append(o.Feasible ? "" : " — cannot run").Append(" | $").Append(Fmt.Usd(o.InfrastructureUsd))
                .Append(" | $").Append(Fmt.Usd(o.EngineeringUsd)).Append(" | $").Append(Fmt.Usd(o.MonthlyUsd)).Append(" |\n");
        }

        foreach (var o in r.Ranked().Where(o => !o.Feasible))
        {
            sb.Append("\n**").Append(o.Id).Append(" cannot run:** ").Append(string.Join("; ", o.Infeasible)).Append('\n');
        }

        return sb.Append('\n').Append(Footnote(r).Replace("* includes", "\\* includes", StringComparison.Ordinal)).Append('\n').ToString();
    }
}
