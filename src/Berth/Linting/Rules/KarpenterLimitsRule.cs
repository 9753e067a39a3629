using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class KarpenterLimitsRule : LintRule
{
    public override string Id => "BERTH-KARP-001";

    public override Severity Severity => Severity.High;

    public override string Title => "Karpenter NodePool without limits";

    public override string Resource => "NodePool";

    public override string Why => "A NodePool without `limits` has no ceiling: a runaway HPA, a crash-looping Job or a bad replica count makes Karpenter launch nodes until the account's EC2 quota stops it — and the bill arrives at the end of the month.";

    public override string Fix => "Set `spec.limits` (cpu and memory) to what the pool may reasonably reach.";

    public override RuleExample Failing => new("nodepool.yaml", """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          template:
            spec:
              nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: general }
        """);

    public override RuleExample Passing => new("nodepool.yaml", """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          template:
            spec:
              nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: general }
          limits:
            cpu: "1000"
            memory: 4000Gi
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var pool in input.OfKind("NodePool").Where(p => p.Group == "karpenter.sh"))
        {
            if (Yaml.Map(pool.Spec, "limits") is not { Children.Count: > 0 })
            {
                yield return Report(pool, pool.Range, "no limits: Karpenter may launch nodes without bound");
            }
        }
    }
}
