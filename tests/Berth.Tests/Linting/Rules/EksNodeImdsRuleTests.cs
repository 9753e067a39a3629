using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksNodeImdsRuleTests : RuleTests<EksNodeImdsRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-EKS-013", 4, 5));
        finding.Message.ShouldBe("aws_launch_template.nodes: http_tokens is optional: IMDSv1 lets any pod read the node role's credentials");
    }

    [Fact]
    public void A_hop_limit_above_one_is_flagged_and_karpenter_defaults_are_not()
    {
        var hops = Lint(("main.tf", Rule.Passing.Content.Replace("http_put_response_hop_limit = 1", "http_put_response_hop_limit = 2", StringComparison.Ordinal))).ShouldHaveSingleItem();
        (hops.Range.Line, hops.Range.Column).ShouldBe((5, 5));
        hops.Message.ShouldBe("aws_launch_template.nodes: http_put_response_hop_limit is 2, not 1: pods can get an IMDSv2 token for the node role");

        var nodeClass = """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata:
              name: default
            spec:
              amiSelectorTerms:
                - alias: al2023@v20251117
              metadataOptions:
                httpTokens: required
                httpPutResponseHopLimit: HOPS
            """;
        Lint(("nodeclass.yaml", nodeClass.Replace("HOPS", "1", StringComparison.Ordinal))).ShouldBeEmpty();
        Lint(("nodeclass.yaml", nodeClass.Replace("HOPS", "2", StringComparison.Ordinal))).ShouldHaveSingleItem().Message
            .ShouldBe("EC2NodeClass default: metadataOptions.httpPutResponseHopLimit is 2, not 1: pods can get an IMDSv2 token for the node role");
    }
}
