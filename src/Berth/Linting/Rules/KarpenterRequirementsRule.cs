using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class KarpenterRequirementsRule : LintRule
{
    public override string Id => "BERTH-KARP-003";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Karpenter NodePool without a capacity-type or architecture requirement";

    public override string Resource => "NodePool";

    public override string Why => "Without a `karpenter.sh/capacity-type` requirement the pool is on-demand only (no Spot savings) or, once someone adds Spot elsewhere, ambiguous; without `kubernetes.io/arch` it may launch arm64 nodes for amd64-only images, or never use cheaper Graviton nodes.";

    public override string Fix => "Add requirements on `karpenter.sh/capacity-type` (spot, on-demand) and `kubernetes.io/arch` (amd64, arm64) matching the images.";

    public override RuleExample Failing => new("nodepool.yaml", """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          template:
            spec:
              requirements:
                - { key: karpenter.k8s.aws/instance-category, operator: In, values: [c, m, r] }
        """);

    public override RuleExample Passing => new("nodepool.yaml", """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          template:
            spec:
              requirements:
                - { key: karpenter.k8s.aws/instance-category, operator: In, values: [c, m, r] }
                - { key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand] }
                - { key: kubernetes.io/arch, operator: In, values: [amd64, arm64] }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var pool in input.OfKind("NodePool").Where(p => p.Group == "karpenter.sh"))
        {
            var templateSpec = Yaml.Map(Yaml.Map(pool.Spec, "template"), "spec");
            var keys = Yaml.Seq(templateSpec, "requirements").Select(r => Yaml.Str(r, "key")).ToHashSet(StringComparer.Ordinal);
            var missing = new List<string>();
            if (!keys.Contains("karpenter.sh/capacity-type"))
            {
                missing.Add("karpenter.sh/capacity-type");
            }

            if (!keys.Contains("kubernetes.io/arch"))
            {
                missing.Add("kubernetes.io/arch");
            }

            if (missing.Count > 0)
            {
                yield return Report(pool, Yaml.KeyRange(pool.File, templateSpec, "requirements") ?? pool.Range, "no requirement on " + string.Join(" or ", missing));
            }
        }
    }
}
