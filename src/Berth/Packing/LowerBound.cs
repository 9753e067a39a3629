using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>One column of the lower bound's optimal fleet: a type, a capacity type and a fractional node count.</summary>
public sealed record FleetShare(int Type, CapacityType Capacity, double Nodes);

/// <summary>
/// Dual prices of one architecture's LP: what a millicore, a MiB, a pod slot, a MiB of ephemeral storage and a GPU are
/// worth, for every pod (<see cref="All"/>) and additionally for on-demand-only pods on on-demand capacity
/// (<see cref="OnDemandOnly"/>).
/// </summary>
public sealed record DualPrices(double[] All, double[] OnDemandOnly)
{
    public double Value(Pod pod, bool onDemandNode) =>
        Dot(All, pod) + (onDemandNode && !pod.SpotOk ? Dot(OnDemandOnly, pod) : 0);

    /// <summary>What a node of this allocatable is worth at these prices.</summary>
    public double Worth(Resources a, bool onDemandNode) =>
        Dot(All, a) + (onDemandNode ? Dot(OnDemandOnly, a) : 0);

    private static double Dot(double[] y, Pod p) => Dot(y, p.Requests);

    private static double Dot(double[] y, Resources r) =>
        (y[0] * r.CpuMillicores) + (y[1] * r.MemoryMiB) + (y[2] * r.Pods) + (y[3] * r.EphemeralMiB) + (y[4] * r.Gpus);
}

/// <summary>The cheapest fractional fleet for a pod set, the types it uses, and the dual prices per architecture.</summary>
public sealed record FleetBound(double HourlyUsd, IReadOnlyList<FleetShare> Shares, IReadOnlyDictionary<CpuArch, DualPrices> Duals);

/// <summary>
/// The least hourly cost of any fractional fleet of the allowed types whose allocatable (after DaemonSets) covers
/// the pods' total CPU, memory and pod count — solved exactly as a linear program, per architecture (a node serves
/// one), with on-demand-only pods needing on-demand capacity. No real packing can cost less.
/// </summary>
public static class LowerBound
{
    private const int Dimensions = 5;

    /// <summary>
    /// The bound over every NodePool: each pod counted in the first pool its workload may use (in the plans Berth
    /// makes, taints and selectors leave each workload exactly one), zones left out (a relaxation, so still a bound).
    /// </summary>
    public static double Solve(PackingProblem problem, IReadOnlyList<Pod> pods, IEnumerable<int> podIndexes) =>
        podIndexes
            .Where(i => problem.Workloads[pods[i].Service].Pools.Count > 0)
            .GroupBy(i => problem.Workloads[pods[i].Service].Pools[0])
            .OrderBy(g => g.Key)
            .Sum(g => Solve(problem.Pools[g.Key].Table, pods, g).HourlyUsd);

    public static FleetBound Solve(NodeTypeTable table, IReadOnlyList<Pod> pods, IEnumerable<int> podIndexes)
    {
        double total = 0;
        var shares = new List<FleetShare>();
        var duals = new Dictionary<CpuArch, DualPrices>();
        foreach (var group in podIndexes.GroupBy(i => pods[i].Arch).OrderBy(g => g.Key))
        {
            var all = Sum(pods, group);
            var onDemandOnly = Sum(pods, group.Where(i => !pods[i].SpotOk));
            var columns = new List<(int Type, CapacityType Capacity)>();
            for (var t = 0; t < table.Count; t++)
            {
                if (table.Types[t].Arch != group.Key)
                {
                    continue;
                }

                if (table.OnDemandAllowed)
                {
                    columns.Add((t, CapacityType.OnDemand));
                }

                if (table.Offers(t, CapacityType.Spot))
                {
                    columns.Add((t, CapacityType.Spot));
                }
            }

            var rows = new List<double[]>();
            var b = new List<double>();
            void Row(Resources need, Func<CapacityType, bool> counts)
            {
                double[] Dim(Func<Resources, double> pick) =>
                    columns.Select(col => counts(col.Capacity) ? pick(table.Allocatable[col.Type]) : 0).ToArray();

                rows.Add(Dim(r => r.CpuMillicores));
                b.Add(need.CpuMillicores);
                rows.Add(Dim(r => r.MemoryMiB));
                b.Add(need.MemoryMiB);
                rows.Add(Dim(r => r.Pods));
                b.Add(need.Pods);
                rows.Add(Dim(r => r.EphemeralMiB));
                b.Add(need.EphemeralMiB);
                rows.Add(Dim(r => r.Gpus));
                b.Add(need.Gpus);
            }

            Row(all, _ => true);
            if (onDemandOnly.Pods > 0)
            {
                Row(onDemandOnly, c => c == CapacityType.OnDemand);
            }

            var cost = columns.Select(col => (double)table.Price(col.Type, col.Capacity)).ToArray();
            var solution = CoveringLp.Solve([.. rows], [.. b], cost);
            if (!solution.Feasible)
            {
                continue;
            }

            total += solution.Objective;
            duals[group.Key] = new DualPrices(solution.Duals[..Dimensions], onDemandOnly.Pods > 0 ? solution.Duals[Dimensions..(2 * Dimensions)] : new double[Dimensions]);
            shares.AddRange(solution.Values
                .Select(v => new FleetShare(columns[v.Key].Type, columns[v.Key].Capacity, v.Value))
                .OrderBy(s => s.Type)
                .ThenBy(s => s.Capacity));
        }

        return new FleetBound(total, shares, duals);
    }

    private static Resources Sum(IReadOnlyList<Pod> pods, IEnumerable<int> indexes)
    {
        var r = default(Resources);
        foreach (var i in indexes)
        {
            r += pods[i].Requests;
        }

        return r;
    }
}
