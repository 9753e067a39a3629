using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision;

/// <summary>Scores every criterion, recommends the platform with the higher score and finds counterfactuals.</summary>
public static class DecisionEngine
{
    /// <summary>
    /// Weight of one ordinary signal (GitOps, service mesh, 25+ services…). A margin this small means a single
    /// ordinary answer the other way would flip or tie the result.
    /// </summary>
    internal const int OrdinarySignalWeight = 3;

    /// <summary>Percent of the total weight under which a margin is also a close call when many reasons pull.</summary>
    internal const int CloseCallPercent = 15;

    private const string CriteriaNamespace = "Berth.Decision.Criteria";

    private static readonly Lazy<IReadOnlyList<ICriterion>> LazyCriteria = new(DiscoverCriteria);

    /// <summary>Every non-abstract <see cref="ICriterion"/> in <c>Berth.Decision.Criteria</c>, sorted by id.</summary>
    public static IReadOnlyList<ICriterion> Criteria => LazyCriteria.Value;

    /// <summary>The assessment without costs: the criteria that argue from cost stay neutral and say so.</summary>
    public static Assessment Assess(BerthSpec spec) => Assess(spec, null);

    /// <summary>
    /// The assessment of <paramref name="spec"/> whose priced plans are <paramref name="costs"/> (the cost summary
    /// printed with it). Counterfactuals hold these costs: each candidate change is scored against the input's
    /// prices, since re-planning every candidate would cost seconds per assessment (docs/decision.md).
    /// </summary>
    public static Assessment Assess(BerthSpec spec, CostReport? costs)
    {
        var scored = Score(spec, costs);
        var counterfactuals = Counterfactuals.Find(spec, scored.Recommendation, costs);
        var assessment = new Assessment(
            scored.Recommendation,
            scored.CloseCall,
            scored.EcsScore,
            scored.EksScore,
            scored.Reasons,
            counterfactuals);
        return costs is null ? assessment : assessment with { Current = Moving.Assess(spec, assessment, costs) };
    }

    /// <summary>The assessment without counterfactuals; counterfactual search calls this for each candidate.</summary>
    internal static Assessment Score(BerthSpec spec, CostReport? costs = null)
    {
        var reasons = Criteria
            .Select(c => c.Evaluate(spec, costs))
            .OrderByDescending(r => r.Weight)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        var ecs = reasons.Where(r => r.Favours == Favours.EcsFargate).Sum(r => r.Weight);
        var eks = reasons.Where(r => r.Favours == Favours.Eks).Sum(r => r.Weight);

        // A tie goes to ECS Fargate, the simpler platform.
        var recommendation = eks > ecs ? Platform.Eks : Platform.EcsFargate;
        return new Assessment(recommendation, IsCloseCall(ecs, eks), ecs, eks, reasons, []);
    }

    /// <summary>
    /// A close call when the margin is at most one ordinary signal (3), or at most 15% of the total weight:
    /// margin &lt;= max(3, 15% of ecs + eks).
    /// </summary>
    internal static bool IsCloseCall(int ecsScore, int eksScore)
    {
        var margin = Math.Abs(ecsScore - eksScore);
        var total = ecsScore + eksScore;
        return margin <= OrdinarySignalWeight || margin * 100 <= total * CloseCallPercent;
    }

    private static ICriterion[] DiscoverCriteria() =>
        typeof(DecisionEngine).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: CriteriaNamespace }
                && typeof(ICriterion).IsAssignableFrom(t))
            .Select(Create)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();

    private static ICriterion Create(Type type) =>
        Activator.CreateInstance(type) as ICriterion
            ?? throw new InvalidOperationException($"{type.FullName} could not be created as a criterion.");
}
