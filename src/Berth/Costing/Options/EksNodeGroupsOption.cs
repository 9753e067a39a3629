using Berth.Planning;
using Berth.Spec;

namespace Berth.Costing.Options;

/// <summary>EKS with fixed managed node groups: the control plane and every node of the plan, all month, whatever the demand.</summary>
public sealed class EksNodeGroupsOption : ICostOptionBuilder
{
    public const string OptionId = OptionIds.EksNodeGroups;

    public string Id => OptionId;

    public int Order => 2;

    public CostOption? Build(CostContext c)
    {
        if (c.Plans.Find<NodeGroupsPlan>() is not { } plan)
        {
            return null;
        }

        var lines = new List<LineItem> { LineItems.ControlPlane(c) };
        var onDemand = new List<LineItem>();
        foreach (var g in plan.Groups)
        {
            var capacity = SpecEnums.CapacityType.NameOf(g.Capacity);
            var line = LineItem.Create($"node group {g.Name}: {g.Count} × {g.Type.Name} {capacity}{c.ClusterSuffix}",
                g.Count * c.Hours * c.Clusters, "node-hour", g.Price.UsdPerHour, g.Capacity == CapacityType.Spot ? "spot" : "compute",
                price: g.Price);
            lines.Add(line);
            if (g.Capacity == CapacityType.OnDemand)
            {
                onDemand.Add(line);
            }
        }

        lines.AddRange(LineItems.SavingsPlan(c, onDemand));
        lines.AddRange(LineItems.Engineering(c, EngineeringTime.Eks(c.Spec, c.Clusters, plan.Groups.Count)));
        return new CostOption(OptionId, plan.Platform, plan.Title, lines, plan.Notes, new SortedDictionary<string, decimal>(StringComparer.Ordinal)) { Infeasible = plan.Infeasible };
    }
}
