using System.Globalization;
using System.Text;
using Berth.Formatting;

namespace Berth.Costing;

/// <summary>The machine-readable forms of a crossover sweep: JSON and CSV.</summary>
public static class CrossoverFormats
{
    /// <summary>What the sweep varies and what it holds, in words every view prints.</summary>
    public static string Method(CrossoverResult r) => r.Varied + "; " + r.Held;

    public static string ToJson(CrossoverResult r)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("template", r.Template);
            w.WriteNumber("from", r.From);
            w.WriteNumber("to", r.To);
            w.WriteString("method", Method(r));
            w.WriteString("varied", r.Varied);
            w.WriteString("held", r.Held);
            w.WriteStartArray("points");
            foreach (var p in r.Points)
            {
                w.WriteStartObject();
                w.WriteNumber("services", p.Services);
                w.WriteStartObject("monthlyUsd");
                foreach (var id in r.Options)
                {
                    w.WriteNumber(id, p.TotalUsd[id]);
                }

                w.WriteEndObject();
                w.WriteStartObject("infrastructureMonthlyUsd");
                foreach (var id in r.Options)
                {
                    w.WriteNumber(id, p.InfrastructureUsd[id]);
                }

                w.WriteEndObject();
                if (p.Cheapest(r.Options) is { } cheapest)
                {
                    w.WriteString("cheapest", cheapest);
                }

                w.WriteStartObject("infeasible");
                foreach (var (id, reason) in p.Infeasible.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.WriteString(id, reason);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            // The reading of the sweep: where the cheapest option changes and stays changed, and where it flaps.
            var timeline = Crossover.Cheapest(r);
            w.WriteStartObject("cheapest");
            if (timeline.First is { } first)
            {
                w.WriteString("first", first);
            }

            w.WriteNumber("settlePoints", Crossover.SettlePoints);
            w.WriteStartArray("crossovers");
            foreach (var c in timeline.Crossovers)
            {
                w.WriteStartObject();
                w.WriteNumber("atServices", c.AtServices);
                w.WriteString("from", c.From);
                w.WriteString("to", c.To);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("flapping");
            foreach (var b in timeline.Bands)
            {
                w.WriteStartObject();
                w.WriteNumber("fromServices", b.FromServices);
                w.WriteNumber("toServices", b.ToServices);
                w.WriteStartArray("options");
                foreach (var id in b.Options)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteNumber("changes", b.Changes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            // Every pairwise crossing of two options' lines, kept for whoever charts them.
            w.WriteStartArray("crossovers");
            foreach (var c in r.Crossings)
            {
                w.WriteStartObject();
                w.WriteString("cheaper", c.Cheaper);
                w.WriteString("dearer", c.Dearer);
                w.WriteNumber("atServices", c.AtServices);
                w.WriteBoolean("withEngineeringTime", c.WithEngineering);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string ToCsv(CrossoverResult r)
    {
        var sb = new StringBuilder("services");
        foreach (var id in r.Options)
        {
            sb.Append(',').Append(id).Append(',').Append(id).Append("-infra-only").Append(',').Append(id).Append("-feasible");
        }

        sb.Append('\n');
        foreach (var p in r.Points)
        {
            sb.Append(p.Services.ToString(CultureInfo.InvariantCulture));
            foreach (var id in r.Options)
            {
                sb.Append(',').Append(Inv(p.TotalUsd[id])).Append(',').Append(Inv(p.InfrastructureUsd[id])).Append(',').Append(p.Feasible(id) ? "true" : "false");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
