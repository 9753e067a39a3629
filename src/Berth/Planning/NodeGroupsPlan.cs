using System.Globalization;
using Berth.Catalog;
using Berth.Formatting;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>EKS with fixed managed node groups: the given nodes all month, whatever the demand; the controllers share them.</summary>
public sealed record NodeGroupsPlan : OptionPlan
{
    public override string Id => OptionIds.EksNodeGroups;

    public override string Platform => "eks";

    public override string Title => "EKS with managed node groups";

    public override int Order => 2;

    public required IReadOnlyList<NodeGroupPlan> Groups { get; init; }

    /// <summary>The controllers the node groups run besides the services.</summary>
    public required IReadOnlyList<ControllerPod> Controllers { get; init; }

    /// <summary>The hour of the week with the most CPU requested, at which the groups were checked.</summary>
    public required int PeakHour { get; init; }

    /// <summary>Whether the counts were raised from berth.yaml's to hold the peak (crossover re-sizes, and says so).</summary>
    public bool Resized { get; init; }
}

/// <summary>One managed node group: its nodes' type, allocatable after DaemonSets, and price.</summary>
public sealed record NodeGroupPlan(string Name, InstanceTypeInfo Type, int Count, CapacityType Capacity, Resources Allocatable, PriceQuote Price);

public static class NodeGroupsPlanner
{
    /// <summary>The groups as berth.yaml gives them; infeasible when they cannot hold the peak.</summary>
    public static NodeGroupsPlan Plan(BerthSpec spec, PriceBook prices) => Plan(spec, prices, resize: false);

    /// <summary>
    /// The groups with their counts raised, one node at a time to the group whose type helps (round robin over the
    /// groups that can take the pods left), until the peak fits: the same instance types, as many as needed.
    /// </summary>
    public static NodeGroupsPlan ResizedToPeak(BerthSpec spec, PriceBook prices) => Plan(spec, prices, resize: true);

    private static NodeGroupsPlan Plan(BerthSpec spec, PriceBook prices, bool resize)
    {
        var overhead = NodeTypeTable.Overhead(spec.Eks.DaemonSetOverhead);
        var groups = new List<NodeGroupPlan>();
        var infeasible = new List<string>();
        foreach (var g in spec.Eks.NodeGroups)
        {
            // SpecPriceCheck reports unknown types and missing prices at their line before planning.
            var type = prices.Catalog.Instance(g.InstanceType)
                ?? throw new PlanningException($"eks.nodeGroups ({g.Name}): unknown instance type '{g.InstanceType}'{Suggest.DidYouMean(g.InstanceType, prices.Catalog.Instances.Select(i => i.Name))}");
            var price = prices.Ec2(g.InstanceType, g.CapacityType)
                ?? throw new PlanningException($"eks.nodeGroups ({g.Name}): no {SpecEnums.CapacityType.NameOf(g.CapacityType)} price for '{g.InstanceType}' in {prices.Region}; add one under pricing.overrides.ec2");

            groups.Add(new NodeGroupPlan(g.Name, type, g.Count, g.CapacityType, Allocatable.For(type) - overhead, price));
        }

        var controllers = ClusterControllers.For(spec, karpenter: false);
        var peak = ReplicaSchedule.PeakHour(spec);
        var pods = Pods(spec, controllers, peak);
        var left = FixedFleet.Unplaced(Nodes(groups), pods);
        var resized = false;
        if (left.Count > 0 && resize)
        {
            (groups, left) = Grow(groups, pods, left);
            resized = true;
        }

        if (left.Count > 0)
        {
            infeasible.Add(Shortfall(spec, prices, groups, pods, left, peak));
        }

        foreach (var s in spec.Services.Where(s => s.Gpu > 0 && groups.All(g => g.Type.GpuCount == 0)))
        {
            infeasible.Add($"{s.Name} needs {EcsFargatePlanner.Gpus(s)} and no node group has GPU instances: add a group of a GPU type (g5, g6…)");
        }

        var notes = new List<string>();
        if (groups.Any(g => g.Capacity == CapacityType.Spot) && spec.Services.Any(s => !s.Spot))
        {
            notes.Add("managed node groups do not taint Spot nodes: services with spot: false may land on the Spot group's nodes unless a nodeSelector keeps them off");
        }

        if (resized)
        {
            notes.Add("node group counts raised from berth.yaml's to hold this peak: " + string.Join(", ", groups.Select(g => $"{g.Name} {g.Count} × {g.Type.Name}")));
        }

        return new NodeGroupsPlan
        {
            Clusters = Planner.Clusters(spec),
            Groups = groups,
            Controllers = controllers,
            PeakHour = peak,
            Resized = resized,
            Infeasible = infeasible,
            Notes = notes,
        };
    }

    /// <summary>The pods at an hour: every replica of every service, and the controllers.</summary>
    public static IReadOnlyList<FleetPod> Pods(BerthSpec spec, IReadOnlyList<ControllerPod> controllers, int hour)
    {
        var pods = new List<FleetPod>();
        foreach (var s in spec.Services)
        {
            var replicas = ReplicaSchedule.Hourly(s)[hour];
            var r = new Resources(s.Cpu.Value, (long)Math.Ceiling(s.Memory.MiB), 1, s.StorageRequested ? (long)Math.Ceiling(s.Storage.MiB) : 0, s.Gpu);
            for (var i = 0; i < replicas; i++)
            {
                pods.Add(new FleetPod(s.Name, r, s.Arch, s.Spot));
            }
        }

        foreach (var c in controllers)
        {
            for (var i = 0; i < c.Replicas; i++)
            {
                pods.Add(new FleetPod(c.Name, new Resources(c.Cpu.Value, (long)Math.Ceiling(c.Memory.MiB), 1), CpuArch.X64, false));
            }
        }

        return pods;
    }

    private static FixedNode[] Nodes(IReadOnlyList<NodeGroupPlan> groups) =>
        groups.SelectMany((g, i) => Enumerable.Range(0, g.Count).Select(_ => new FixedNode(i, g.Type.Arch, g.Capacity, g.Allocatable))).ToArray();

    /// <summary>Adds nodes to the groups that can hold the pods left over until everything fits (or nothing more helps).</summary>
    private static (List<NodeGroupPlan>, IReadOnlyList<FleetPod>) Grow(List<NodeGroupPlan> groups, IReadOnlyList<FleetPod> pods, IReadOnlyList<FleetPod> left)
    {
        var counts = groups.Select(g => g.Count).ToArray();
        var next = 0;
        for (var step = 0; step < 10_000 && left.Count > 0; step++)
        {
            // The next group (round robin) that could hold one of the pods left on an empty node.
            var helpful = Enumerable.Range(0, groups.Count)
                .Select(k => (next + k) % groups.Count)
                .Where(i => left.Any(p => groups[i].Type.Arch == p.Arch && groups[i].Allocatable.Holds(p.Requests)))
                .Cast<int?>()
                .FirstOrDefault();
            if (helpful is not { } g)
            {
                break;
            }

            counts[g]++;
            next = (g + 1) % groups.Count;
            var grown = groups.Select((x, i) => x with { Count = counts[i] }).ToList();
            left = FixedFleet.Unplaced(Nodes(grown), pods);
            groups = grown;
        }

        return (groups, left);
    }

    private static string Shortfall(BerthSpec spec, PriceBook prices, IReadOnlyList<NodeGroupPlan> groups, IReadOnlyList<FleetPod> pods, IReadOnlyList<FleetPod> left, int peak)
    {
        var cpu = left.Sum(p => p.Requests.CpuMillicores) / 1000m;
        var mem = left.Sum(p => p.Requests.MemoryMiB) / 1024m;
        var have = groups.Sum(g => g.Count);
        var (needed, stillLeft) = Grow([.. groups], pods, left);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"at the peak ({ReplicaSchedule.HourOfWeek(peak)}) {left.Count} of {pods.Count} pods ({Fmt.Number(cpu)} vCPU, {Fmt.Number(Math.Round(mem, 1))} GiB) do not fit on the node groups' {have} nodes");
        var grown = needed.Any(g => groups.First(o => o.Name == g.Name).Count != g.Count);
        if (grown)
        {
            text += ": it would take " + string.Join(" and ", needed.Select(g => $"{g.Count} × {g.Type.Name} ({g.Name})"));
        }

        if (stillLeft.Count > 0)
        {
            var names = stillLeft.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToArray();
            var archs = string.Join(", ", stillLeft.Select(p => p.Arch == CpuArch.Arm64 ? "arm64" : "x86_64").Distinct().Order(StringComparer.Ordinal));
            text += (grown ? ", and" : ":") + $" no group's instance type can hold {string.Join(", ", names.Take(3))}{(names.Length > 3 ? $" and {names.Length - 3} more" : "")} ({archs}): add a group of an instance type that holds them";
        }
        else
        {
            text += "; raise the counts or use Karpenter";
        }

        return text;
    }

}

/// <summary>A plan Berth cannot make from valid input it was given (a price the catalog lacks): bad input, exit 2.</summary>
public sealed class PlanningException : Exception
{
    public PlanningException()
    {
    }

    public PlanningException(string message)
        : base(message)
    {
    }

    public PlanningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
