using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class KarpenterAmiAliasRule : LintRule
{
    public override string Id => "BERTH-KARP-004";

    public override Severity Severity => Severity.Medium;

    public override string Title => "EC2NodeClass follows the latest AMI";

    public override string Resource => "EC2NodeClass";

    public override string Why => "With `alias: al2023@latest` Karpenter picks up every new EKS AMI the day AWS publishes it and drifts every node to it (karpenter.sh docs, EC2NodeClass amiSelectorTerms: \"pinning to a version is recommended for production\"). An AMI regression reaches production with no test and no way to roll back other than editing the NodeClass under pressure.";

    public override string Fix => "Pin the alias to a version (`alias: al2023@v20251117`) and move it forward through your environments like any other change.";

    public override RuleExample Failing => new("nodeclass.yaml", """
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata:
          name: default
        spec:
          role: KarpenterNodeRole-platform
          amiSelectorTerms:
            - alias: al2023@latest
          subnetSelectorTerms:
            - tags:
                karpenter.sh/discovery: platform
          securityGroupSelectorTerms:
            - tags:
                karpenter.sh/discovery: platform
        """);

    public override RuleExample Passing => new("nodeclass.yaml", """
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata:
          name: default
        spec:
          role: KarpenterNodeRole-platform
          amiSelectorTerms:
            - alias: al2023@v20251117
          subnetSelectorTerms:
            - tags:
                karpenter.sh/discovery: platform
          securityGroupSelectorTerms:
            - tags:
                karpenter.sh/discovery: platform
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var nodeClass in input.OfKind("EC2NodeClass").Where(o => o.Group == "karpenter.k8s.aws"))
        {
            foreach (var term in Yaml.Seq(nodeClass.Spec, "amiSelectorTerms"))
            {
                if (Yaml.Str(term, "alias") is { } alias && alias.EndsWith("@latest", StringComparison.Ordinal))
                {
                    yield return Report(nodeClass, Yaml.KeyRange(nodeClass.File, term, "alias") ?? nodeClass.Range, "amiSelectorTerms alias " + alias + " moves every node to each new AMI as AWS publishes it");
                }
            }
        }
    }
}
