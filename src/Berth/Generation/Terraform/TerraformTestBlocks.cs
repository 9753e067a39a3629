using Berth.Generation.Hcl;
using static Berth.Generation.Hcl.HclValue;

namespace Berth.Generation.Terraform;

/// <summary>The blocks of a generated <c>terraform test</c> file (tests/plan.tftest.hcl), for either platform.</summary>
public static class TerraformTestBlocks
{
    /// <summary>
    /// The mocked AWS provider of a generated <c>terraform test</c>: the data sources every root reads, with values the
    /// provider's own validation accepts, then <paramref name="more"/>.
    /// </summary>
    public static void MockProvider(HclBody f, Action<HclBody> more)
    {
        f.Comment("A plan against a mocked AWS provider: no credentials needed. Run: terraform init && terraform test");
        f.Comment("Mocked data sources return values the provider's own validation accepts (a policy must be JSON).");
        f.Block("mock_provider", "aws", m =>
        {
            m.Block("mock_data", "aws_iam_policy_document", d => d.Set("defaults", HclObject.Of(
                    ("json", Str("{\"Version\":\"2012-10-17\",\"Statement\":[]}")))))
                .Block("mock_data", "aws_caller_identity", d => d.Set("defaults", HclObject.Of(("account_id", Str("123456789012")))))
                .Block("mock_data", "aws_partition", d => d.Set("defaults", HclObject.Of(("partition", Str("aws")))));
            more(m);
        });
    }

    /// <summary>An <c>assert</c> block of a <c>terraform test</c> run.</summary>
    public static void Assert(HclBody run, string condition, string message) =>
        run.Block("assert", a => a.Expr("condition", condition).Set("error_message", message));
}
