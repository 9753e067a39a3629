using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class KarpenterDisruptionBudgetRule : LintRule
{
    public override string Id => "BERTH-KARP-002";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Karpenter NodePool without explicit disruption budgets";

    public override string Resource => "NodePool";

    public override string Why => "Without `disruption.budgets` Karpenter may disrupt 10% of the pool's nodes at once, at any hour — consolidation during the business peak, drift replacement during a release. Budgets set how many nodes, and when.";

    public override string Fix => "Set `spec.disruption.budgets` (for example `- nodes: \"10%\"` plus a schedule that blocks disruption during peak hours).";

    public override RuleExample Failing => new("nodepool.yaml", """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          disruption:
            consolidationPolicy: WhenEmptyOrUnderutilized
        """);

    public override RuleExample Passing => new("nodepool.yaml", """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          disruption:
            consolidationPolicy: WhenEmptyOrUnderutilized
            budgets:
              - nodes: "10%"
              - nodes: "0"
                schedule: "0 8 * * mon-fri"
                duration: 10h
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var pool in input.OfKind("NodePool").Where(p => p.Group == "karpenter.sh"))
        {
            var disruption = Yaml.Map(pool.Spec, "disruption");
            if (Yaml.Seq(disruption, "budgets").Count == 0)
            {
                yield return Report(pool, Yaml.KeyRange(pool.File, pool.Spec, "disruption") ?? pool.Range, "no disruption budgets");
            }
        }
    }
}
