using System.Globalization;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>Where each service lives on EKS. A service's <c>team:</c> names its namespace; services without one are
/// split over <c>team.owningTeams</c> namespaces (<c>team-1</c>…, or the spec's name for one team) in the order the spec
/// lists them, copies of a service together.</summary>
public sealed record Namespaces(IReadOnlyList<string> All, IReadOnlyDictionary<string, string> Of)
{
    public static Namespaces For(BerthSpec spec)
    {
        var baseTeam = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in spec.Services)
        {
            if (s.Team is { } team)
            {
                baseTeam.TryAdd(s.BaseName, team);
            }
        }

        // The order-based split, for the services the spec gives no team.
        var bases = spec.Services.Where(s => s.Team is null).Select(s => s.BaseName).Distinct(StringComparer.Ordinal).ToArray();
        if (bases.Length > 0)
        {
            var teams = Math.Clamp(spec.Team.OwningTeams, 1, bases.Length);
            var names = teams == 1
                ? [spec.Name]
                : Enumerable.Range(1, teams).Select(i => "team-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var perTeam = (int)Math.Ceiling(bases.Length / (double)teams);
            for (var i = 0; i < bases.Length; i++)
            {
                baseTeam[bases[i]] = names[Math.Min(i / perTeam, teams - 1)];
            }
        }

        var of = spec.Services.ToDictionary(s => s.Name, s => baseTeam[s.BaseName], StringComparer.Ordinal);
        return new Namespaces(
            of.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            new SortedDictionary<string, string>(of, StringComparer.Ordinal));
    }
}
