using System.Globalization;
using System.Text.Json.Nodes;

namespace Berth.Tests.Generation;

/// <summary>
/// The x-kubernetes-validations (CEL) rules of the Karpenter and ArgoCD CRDs that JSON Schema cannot check, written
/// out, plus the values teams' older controllers reject (Karpenter before v1.14, ArgoCD before v3.1).
/// </summary>
internal static class CelRules
{
    public static IReadOnlyList<string> Check(string kind, JsonNode doc)
    {
        var problems = new List<string>();
        switch (kind)
        {
            case "NodePool":
                var spec = doc["spec"]!;
                if (spec["disruption"] is JsonObject disruption)
                {
                    if (disruption["consolidateAfter"] is null)
                    {
                        problems.Add("disruption needs consolidateAfter");
                    }

                    if ((string?)disruption["consolidationPolicy"] is not ("WhenEmpty" or "WhenEmptyOrUnderutilized"))
                    {
                        problems.Add("consolidationPolicy must be WhenEmpty or WhenEmptyOrUnderutilized (Balanced is v1.14-only)");
                    }
                }

                foreach (var r in spec["template"]?["spec"]?["requirements"]?.AsArray() ?? [])
                {
                    var op = (string?)r!["operator"];
                    var values = r["values"]?.AsArray() ?? [];
                    switch (op)
                    {
                        case "In" when values.Count == 0:
                            problems.Add($"{r["key"]}: In needs at least one value");
                            break;
                        case "Gt" or "Lt" when values.Count != 1 || !int.TryParse((string?)values[0], NumberStyles.None, CultureInfo.InvariantCulture, out _):
                            problems.Add($"{r["key"]}: {op} takes one non-negative integer");
                            break;
                        case "Gte" or "Lte":
                            problems.Add($"{r["key"]}: {op} is v1.14-only");
                            break;
                    }
                }

                break;
            case "EC2NodeClass":
                var nc = doc["spec"]!;
                if ((nc["role"] is null) == (nc["instanceProfile"] is null))
                {
                    problems.Add("exactly one of role and instanceProfile");
                }

                var terms = nc["amiSelectorTerms"]?.AsArray() ?? [];
                if (terms.Any(t => t!["alias"] is not null) && (terms.Count != 1 || terms[0]!.AsObject().Count != 1))
                {
                    problems.Add("an amiSelectorTerm with alias must stand alone");
                }

                break;
            case "Application":
                if (doc["spec"]?["syncPolicy"]?["automated"]?["enabled"] is not null)
                {
                    problems.Add("syncPolicy.automated.enabled is ArgoCD v3.1-only");
                }

                break;
        }

        return problems;
    }
}
