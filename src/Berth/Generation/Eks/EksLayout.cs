using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>Where each service lives: berth.yaml names no owner per service, so services (copies together) are
/// split over <c>team.owningTeams</c> namespaces in the order the spec lists them.</summary>
public sealed record EksLayout(string Name, IReadOnlyList<string> Namespaces, IReadOnlyDictionary<string, string> NamespaceOf, string Domain, string GitRepo)
{
    public static EksLayout For(BerthSpec spec, string? domain, string? gitRepo)
    {
        var bases = spec.Services.Select(s => s.BaseName).Distinct(StringComparer.Ordinal).ToArray();
        var teams = Math.Clamp(spec.Team.OwningTeams, 1, Math.Max(1, bases.Length));
        var namespaces = teams == 1
            ? [spec.Name]
            : Enumerable.Range(1, teams).Select(i => $"team-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToArray();
        var perTeam = (int)Math.Ceiling(bases.Length / (double)teams);
        var baseTeam = bases.Select((b, i) => (b, namespaces[Math.Min(i / Math.Max(1, perTeam), teams - 1)]))
            .ToDictionary(x => x.b, x => x.Item2, StringComparer.Ordinal);
        var of = spec.Services.ToDictionary(s => s.Name, s => baseTeam[s.BaseName], StringComparer.Ordinal);
        return new EksLayout(
            spec.Name,
            namespaces,
            new SortedDictionary<string, string>(of, StringComparer.Ordinal),
            domain ?? $"{spec.Name}.internal",
            gitRepo ?? $"https://git.example.com/{spec.Name}/platform.git");
    }

    /// <summary>A service needs AWS access (a Pod Identity role) when it reads secrets or an SQS queue.</summary>
    public static bool NeedsAws(ServiceSpec s) => s.Secrets.Count > 0 || s.EventSource?.Type == EventSourceType.Sqs;

    /// <summary>An HPA (or KEDA) owns the replica count.</summary>
    public static bool Autoscaled(ServiceSpec s) => s.Scaling is not null || s.EventSource is not null;
}
