using System.Globalization;
using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>Where each service lives. A service's <c>team:</c> names its namespace; services without one are split
/// over <c>team.owningTeams</c> namespaces (<c>team-1</c>…, or the spec's name for one team) in the order the spec
/// lists them, copies of a service together.</summary>
public sealed record EksLayout(string Name, IReadOnlyList<string> Namespaces, IReadOnlyDictionary<string, string> NamespaceOf, string Domain, string GitRepo)
{
    public static EksLayout For(BerthSpec spec, string? domain, string? gitRepo)
    {
        var baseTeam = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in spec.Services.Where(s => s.Team is not null))
        {
            baseTeam.TryAdd(s.BaseName, s.Team!);
        }

        // The order-based split, for the services the spec gives no team.
        var bases = spec.Services.Where(s => s.Team is null).Select(s => s.BaseName).Distinct(StringComparer.Ordinal).ToArray();
        if (bases.Length > 0)
        {
            var teams = Math.Clamp(spec.Team.OwningTeams, 1, bases.Length);
            var namespaces = teams == 1
                ? [spec.Name]
                : Enumerable.Range(1, teams).Select(i => "team-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var perTeam = (int)Math.Ceiling(bases.Length / (double)teams);
            for (var i = 0; i < bases.Length; i++)
            {
                baseTeam[bases[i]] = namespaces[Math.Min(i / perTeam, teams - 1)];
            }
        }

        var of = spec.Services.ToDictionary(s => s.Name, s => baseTeam[s.BaseName], StringComparer.Ordinal);
        return new EksLayout(
            spec.Name,
            of.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            new SortedDictionary<string, string>(of, StringComparer.Ordinal),
            domain ?? $"{spec.Name}.internal",
            gitRepo ?? $"https://git.example.com/{spec.Name}/platform.git");
    }

    /// <summary>True when every service's namespace comes from its <c>team:</c> key.</summary>
    public static bool AllTeamsNamed(BerthSpec spec) => spec.Services.All(s => s.Team is not null);

    /// <summary>A service needs AWS access (a Pod Identity role) when it reads secrets or an SQS queue.</summary>
    public static bool NeedsAws(ServiceSpec s) => s.Secrets.Count > 0 || s.EventSource?.Type == EventSourceType.Sqs;

    /// <summary>An HPA (or KEDA) owns the replica count.</summary>
    public static bool Autoscaled(ServiceSpec s) => s.Scaling is not null || s.EventSource is not null;
}
