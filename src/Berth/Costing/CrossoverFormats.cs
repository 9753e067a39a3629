using System.Globalization;
using System.Text;
using Berth.Formatting;

namespace Berth.Costing;

/// <summary>The machine-readable forms of a crossover sweep: JSON and CSV.</summary>
public static class CrossoverFormats
{
    /// <summary>What the sweep varies and what it holds, in words every view prints.</summary>
    public static string Method(CrossoverResult r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{r.From} to {r.To} copies of the service '{r.Template}', everything else in the spec unchanged; fixed node groups re-sized to each count's peak (same instance types, as many nodes as needed)");

    public static string ToJson(CrossoverResult r)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("template", r.Template);
            w.WriteNumber("from", r.From);
            w.WriteNumber("to", r.To);
            w.WriteString("method", Method(r));
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
