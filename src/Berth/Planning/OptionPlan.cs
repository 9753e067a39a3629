namespace Berth.Planning;

/// <summary>The ids of the options Berth plans (DESIGN.md's cost contract), declared once.</summary>
public static class OptionIds
{
    public const string EcsFargate = "ecs-fargate";
    public const string EksKarpenter = "eks-karpenter";
    public const string EksNodeGroups = "eks-nodegroups";
    public const string EksFargate = "eks-fargate";
}

/// <summary>
/// One way of running the workload, decided once from the spec and the catalog. Costing prices it, Packing packs its
/// workloads, Simulation runs it and Generation renders it, so every view describes the same platform.
/// </summary>
public abstract record OptionPlan
{
    public abstract string Id { get; }

    /// <summary>"ecs" or "eks".</summary>
    public abstract string Platform { get; }

    public abstract string Title { get; }

    /// <summary>Where the option appears in outputs (lower first).</summary>
    public abstract int Order { get; }

    /// <summary>One platform instance (cluster) per client; one when there are no clients.</summary>
    public required int Clusters { get; init; }

    /// <summary>Why this option cannot run the workload as planned, each with what to change; empty when it can.</summary>
    public IReadOnlyList<string> Infeasible { get; init; } = [];

    /// <summary>What the plan assumed or left out, for the user to read beside its price.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool Feasible => Infeasible.Count == 0;
}
