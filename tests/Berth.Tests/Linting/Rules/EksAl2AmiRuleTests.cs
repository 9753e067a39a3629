using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksAl2AmiRuleTests : RuleTests<EksAl2AmiRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-EKS-014", 5, 3));
        finding.Message.ShouldBe("aws_eks_node_group.default: ami_type AL2_x86_64 is an Amazon Linux 2 AMI, out of support since 2025-11-26");
    }

    [Fact]
    public void A_karpenter_node_class_on_al2_is_flagged()
    {
        var nodeClass = """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata:
              name: legacy
            spec:
              amiSelectorTerms:
                - alias: al2@v20250505
            """;
        var finding = Lint(("nodeclass.yaml", nodeClass)).ShouldHaveSingleItem();
        (finding.Range.Line, finding.Range.Column).ShouldBe((7, 7));
        finding.Message.ShouldBe("EC2NodeClass legacy: amiSelectorTerms alias al2@v20250505 is Amazon Linux 2, out of support since 2025-11-26");
    }
}
