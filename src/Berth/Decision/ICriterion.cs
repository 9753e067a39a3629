using Berth.Costing;
using Berth.Spec;

namespace Berth.Decision;

/// <summary>
/// One question of the decision framework. Implementations live in <c>Berth.Decision.Criteria</c>, one per file,
/// and are found by reflection. <see cref="Evaluate"/> returns a neutral reason with weight 0 when the question
/// does not bear on the input, so the output still shows it was considered.
/// </summary>
public interface ICriterion
{
    /// <summary>A stable kebab-case id, e.g. <c>service-count</c>.</summary>
    string Id { get; }

    /// <summary>
    /// The verdict for <paramref name="spec"/>. <paramref name="costs"/> is the spec's priced plans (the cost summary
    /// printed with the assessment); criteria that argue from cost read it and say its figures, never a rule of thumb.
    /// </summary>
    Reason Evaluate(BerthSpec spec, CostReport? costs = null);
}
