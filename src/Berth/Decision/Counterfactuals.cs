using System.Globalization;
using Berth.Costing;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision;

/// <summary>A single-field change to a spec, how big it is, and the changed spec.</summary>
internal sealed record CandidateChange(string Change, double Size, BerthSpec Spec);

/// <summary>Finds the smallest single changes to the input that flip the recommendation.</summary>
internal static class Counterfactuals
{
    public const int MaxResults = 5;
    public const int MaxServices = 200;
    public const int MaxOwningTeams = 50;
    public const int MaxEngineers = 200;
    public const int MaxTimelineMonths = 120;

    /// <summary>An assumed operator name for the "one operator added" candidate.</summary>
    public const string AddedOperator = "custom-operator";

    public static IReadOnlyList<Counterfactual> Find(BerthSpec spec, Platform current, CostReport? costs = null) =>
        Candidates(spec, current, costs)
            .Select(c => (Candidate: c, Recommendation: DecisionEngine.Score(c.Spec, costs).Recommendation))
            .Where(x => x.Recommendation != current)
            .OrderBy(x => x.Candidate.Size)
            .ThenBy(x => x.Candidate.Change, StringComparer.Ordinal)
            .Take(MaxResults)
            .Select(x => new Counterfactual(x.Candidate.Change, x.Recommendation))
            .ToArray();

    /// <summary>
    /// Every candidate change. Numeric fields contribute only their nearest flipping value (so they need the
    /// current recommendation); enum and boolean fields contribute every alternative.
    /// </summary>
    public static IEnumerable<CandidateChange> Candidates(BerthSpec spec, Platform current, CostReport? costs = null)
    {
        var team = spec.Team;
        var req = spec.Requirements;

        foreach (var expertise in Enum.GetValues<KubernetesExpertise>().Where(e => e != team.KubernetesExpertise))
        {
            yield return new CandidateChange(
                Phrase(expertise),
                Math.Abs((int)expertise - (int)team.KubernetesExpertise),
                spec with { Team = team with { KubernetesExpertise = expertise } });
        }

        if (spec.Services.Count > 0
            && Nearest(spec.Services.Count, 1, MaxServices, n => spec with { Services = Resize(spec.Services, n) }, current, costs) is { } services)
        {
            yield return new CandidateChange(
                Invariant($"with {SpecFacts.Count(services.Value, "service", "services")} instead of {spec.Services.Count}"),
                RelativeSize(spec.Services.Count, services.Value),
                services.Spec);
        }

        if (Nearest(team.OwningTeams, 1, MaxOwningTeams, n => spec with { Team = team with { OwningTeams = n } }, current, costs) is { } teams)
        {
            yield return new CandidateChange(
                Invariant($"with {SpecFacts.Count(teams.Value, "owning team", "owning teams")} instead of {team.OwningTeams}"),
                RelativeSize(team.OwningTeams, teams.Value),
                teams.Spec);
        }

        if (Nearest(team.Engineers, 1, MaxEngineers, n => spec with { Team = team with { Engineers = n } }, current, costs) is { } engineers)
        {
            yield return new CandidateChange(
                Invariant($"with {SpecFacts.Count(engineers.Value, "engineer", "engineers")} instead of {team.Engineers}"),
                RelativeSize(team.Engineers, engineers.Value),
                engineers.Spec);
        }

        if (Nearest(team.TimelineMonths, 1, MaxTimelineMonths, n => spec with { Team = team with { TimelineMonths = n } }, current, costs) is { } timeline)
        {
            yield return new CandidateChange(
                Invariant($"with a {timeline.Value}-month timeline instead of {team.TimelineMonths}"),
                RelativeSize(team.TimelineMonths, timeline.Value),
                timeline.Spec);
        }

        yield return Toggle(spec, req.Gitops, "GitOps", r => r with { Gitops = !r.Gitops });
        yield return Toggle(spec, req.ServiceMesh, "a service mesh", r => r with { ServiceMesh = !r.ServiceMesh });
        yield return Toggle(spec, req.StatefulWorkloads, "stateful workloads", r => r with { StatefulWorkloads = !r.StatefulWorkloads });
        yield return Toggle(spec, req.Gpu, "GPU workloads", r => r with { Gpu = !r.Gpu });
        yield return Toggle(spec, req.CustomNodeConfig, "custom node configuration", r => r with { CustomNodeConfig = !r.CustomNodeConfig });
        yield return Toggle(spec, req.LiftAndShift, "a lift-and-shift migration", r => r with { LiftAndShift = !r.LiftAndShift });
        yield return EventDriven(spec);

        foreach (var tenancy in Enum.GetValues<MultiTenancy>().Where(m => m != req.MultiTenancy))
        {
            yield return new CandidateChange(
                Phrase(tenancy),
                1,
                spec with { Requirements = req with { MultiTenancy = tenancy } });
        }

        yield return req.Operators.Count > 0
            ? new CandidateChange(
                Invariant($"without the operators ({string.Join(", ", req.Operators)})"),
                1,
                spec with { Requirements = req with { Operators = [] } })
            : new CandidateChange(
                "with one Kubernetes operator",
                1,
                spec with { Requirements = req with { Operators = [AddedOperator] } });
    }

    /// <summary>
    /// The services list with <paramref name="count"/> entries: truncated, or extended by repeating the existing
    /// services in order under fresh names.
    /// </summary>
    internal static IReadOnlyList<ServiceSpec> Resize(IReadOnlyList<ServiceSpec> services, int count)
    {
        if (count <= services.Count)
        {
            return services.Take(count).ToArray();
        }

        var names = new HashSet<string>(services.Select(s => s.Name), StringComparer.Ordinal);
        var result = services.ToList();
        for (var i = services.Count; i < count; i++)
        {
            var template = services[i % services.Count];
            var suffix = i + 1;
            string name;
            do
            {
                name = template.BaseName + "-cf" + suffix.ToString(CultureInfo.InvariantCulture);
                suffix++;
            }
            while (!names.Add(name));
            result.Add(template with { Name = name });
        }

        return result;
    }

    /// <summary>Searches outward from <paramref name="current"/> for the nearest value that flips; ties go to the lower value.</summary>
    private static (int Value, BerthSpec Spec)? Nearest(
        int current, int min, int max, Func<int, BerthSpec> apply, Platform recommendation, CostReport? costs)
    {
        var reach = Math.Max(current - min, max - current);
        for (var d = 1; d <= reach; d++)
        {
            foreach (var value in new[] { current - d, current + d })
            {
                if (value < min || value > max)
                {
                    continue;
                }

                var changed = apply(value);
                if (DecisionEngine.Score(changed, costs).Recommendation != recommendation)
                {
                    return (value, changed);
                }
            }
        }

        return null;
    }

    /// <summary>How far apart two counts are relative to the smaller: 3→5 and 5→3 are both 0.67, 33→10 is 2.3.</summary>
    private static double RelativeSize(int from, int to) =>
        Math.Abs(to - from) / (double)Math.Max(1, Math.Min(from, to));

    private static CandidateChange Toggle(
        BerthSpec spec, bool current, string what, Func<RequirementsSpec, RequirementsSpec> toggle) =>
        new((current ? "without " : "with ") + what, 1, spec with { Requirements = toggle(spec.Requirements) });

    /// <summary>Event-driven scaling comes from the flag or from any service's event source; turning it off clears both.</summary>
    private static CandidateChange EventDriven(BerthSpec spec)
    {
        var on = spec.Requirements.EventDrivenScaling || spec.Services.Any(s => s.EventSource is not null);
        return on
            ? new CandidateChange("without event-driven scaling", 1, spec with
            {
                Requirements = spec.Requirements with { EventDrivenScaling = false },
                Services = spec.Services.Select(s => s with { EventSource = null }).ToArray(),
            })
            : new CandidateChange("with event-driven scaling", 1, spec with
            {
                Requirements = spec.Requirements with { EventDrivenScaling = true },
            });
    }

    private static string Phrase(KubernetesExpertise expertise) => expertise switch
    {
        KubernetesExpertise.None => "with no Kubernetes expertise",
        KubernetesExpertise.Some => "with some Kubernetes expertise",
        _ => "with strong Kubernetes expertise",
    };

    private static string Phrase(MultiTenancy tenancy) => tenancy switch
    {
        MultiTenancy.Namespace => "with namespace-level multi-tenancy",
        MultiTenancy.Service => "with service-level multi-tenancy",
        _ => "without multi-tenancy",
    };
}
