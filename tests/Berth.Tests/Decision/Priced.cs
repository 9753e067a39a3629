using Berth.Catalog;
using Berth.Costing;
using Berth.Decision;
using Berth.Spec;

namespace Berth.Tests.Decision;

/// <summary>Assessments as <c>berth assess</c> makes them: with the spec's priced plans from the embedded catalog.</summary>
internal static class Priced
{
    public static CostReport Costs(BerthSpec spec) => CostEngine.Estimate(spec, PriceCatalog.Embedded);

    public static Assessment Assess(BerthSpec spec) => DecisionEngine.Assess(spec, Costs(spec));
}
