using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Berth.Generation.Eks;
using Berth.Spec;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Generation;

/// <summary>Invariants of team ownership over random specs: some services with a <c>team:</c>, some without,
/// some with copies, any number of owning teams.</summary>
public sealed class EksLayoutPropertyTests
{
    private static readonly string[] TeamPool = ["payments", "search", "team-1", "data"];

    [Property(MaxTest = 200)]
    public Property Every_service_has_one_namespace_its_team_or_the_order_based_split()
    {
        var service = Gen.Zip(Gen.Choose(-1, TeamPool.Length - 1), Gen.Choose(1, 3));
        var gen = Gen.Zip(service.ListOf().Where(l => l.Count is > 0 and <= 12), Gen.Choose(1, 6));
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var (services, owningTeams) = g;
            var yaml = new StringBuilder("version: 1\nname: shop\nteam: { owningTeams: ")
                .Append(owningTeams.ToString(CultureInfo.InvariantCulture)).Append(" }\nservices:\n");
            for (var i = 0; i < services.Count; i++)
            {
                var (team, count) = services[i];
                yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: s{i}, count: {count}")
                    .Append(team >= 0 ? ", team: " + TeamPool[team] : "").Append(" }\n");
            }

            var spec = SpecLoader.Parse(yaml.ToString(), "berth.yaml").Spec!;
            var layout = EksLayout.For(spec, null, null);

            var ownTeam = spec.Services.All(s => s.Team is null || layout.NamespaceOf[s.Name] == s.Team);
            var copiesTogether = spec.Services.GroupBy(s => s.BaseName).All(b => b.Select(s => layout.NamespaceOf[s.Name]).Distinct().Count() == 1);
            var namespacesUsed = layout.Namespaces.SequenceEqual(layout.NamespaceOf.Values.Distinct().Order(StringComparer.Ordinal));
            var labels = layout.Namespaces.All(n => Regex.IsMatch(n, SpecSchema.DnsLabelPattern));
            var unnamed = spec.Services.Where(s => s.Team is null).Select(s => s.BaseName).Distinct().Count();
            var split = spec.Services.Where(s => s.Team is null).Select(s => layout.NamespaceOf[s.Name]).Distinct().Count()
                <= Math.Min(unnamed, owningTeams);
            return ownTeam && copiesTogether && namespacesUsed && labels && split;
        });
    }
}
