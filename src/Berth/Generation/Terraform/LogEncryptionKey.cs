using Berth.Generation.Hcl;
using static Berth.Generation.Hcl.HclValue;

namespace Berth.Generation.Terraform;

/// <summary>
/// A customer-managed KMS key that CloudWatch Logs may encrypt with, and the log groups encrypted with it. The key
/// policy is AWS's for CloudWatch Logs (docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html):
/// the account administers the key through IAM, and the regional Logs service principal may use it only for log
/// groups of this account and region (the <c>kms:EncryptionContext:aws:logs:arn</c> condition). Needs
/// <see cref="TerraformBlocks.CurrentAccount"/> and a <c>var.region</c> in the root or module: the region is the
/// variable the provider is configured with, not <c>data.aws_region</c>, whose attribute is <c>name</c> in
/// hashicorp/aws 5.x and <c>region</c> (with <c>name</c> deprecated) in 6.x — both of which
/// <see cref="TerraformBlocks.AwsProviderVersion"/> accepts.
/// </summary>
public static class LogEncryptionKey
{
    private const string Partition = "${data.aws_partition.current.partition}";
    private const string Account = "${data.aws_caller_identity.current.account_id}";

    /// <summary>The key policy document, <c>aws_kms_key.<paramref name="key"/></c> and its alias.</summary>
    public static void Write(HclBody f, string key, HclValue description, string aliasName, string? tags)
    {
        f.Block("data", "aws_iam_policy_document", "kms", d =>
        {
            d.Block("statement", s => s
                .Set("sid", "AccountAdministers")
                .Set("actions", Strings(["kms:*"]))
                .Set("resources", Strings(["*"]))
                .Block("principals", p => p.Set("type", "AWS").Set("identifiers", List(Expr($"\"arn:{Partition}:iam::{Account}:root\"")))));
            d.Block("statement", s => s
                .Set("sid", "CloudWatchLogsEncrypts")
                .Set("actions", Strings(["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"]))
                .Set("resources", Strings(["*"]))
                .Block("principals", p => p.Set("type", "Service").Set("identifiers", List(Expr("\"logs.${var.region}.amazonaws.com\""))))
                .Block("condition", c => c
                    .Set("test", "ArnLike")
                    .Set("variable", "kms:EncryptionContext:aws:logs:arn")
                    .Set("values", List(Expr($"\"arn:{Partition}:logs:${{var.region}}:{Account}:log-group:*\"")))));
        });
        f.Block("resource", "aws_kms_key", key, k =>
        {
            k.Set("description", description)
                .Set("enable_key_rotation", true)
                .Set("deletion_window_in_days", 30)
                .Expr("policy", "data.aws_iam_policy_document.kms.json");
            Tags(k, tags);
        });
        f.Block("resource", "aws_kms_alias", key, a => a
            .Expr("name", aliasName)
            .Expr("target_key_id", $"aws_kms_key.{key}.key_id"));
    }

    /// <summary>A log group encrypted with <c>aws_kms_key.<paramref name="key"/></c>, kept <c>var.log_retention_days</c>.</summary>
    public static void LogGroup(HclBody f, string name, string logGroupName, string key, string? forEach = null, string? tags = null, string? comment = null) =>
        f.Block("resource", "aws_cloudwatch_log_group", name, l =>
        {
            l.Comment(comment);
            if (forEach is not null)
            {
                l.Expr("for_each", forEach);
            }

            l.Expr("name", logGroupName)
                .Expr("retention_in_days", "var.log_retention_days")
                .Expr("kms_key_id", $"aws_kms_key.{key}.arn");
            Tags(l, tags);
        });

    private static void Tags(HclBody b, string? tags)
    {
        if (tags is not null)
        {
            b.Expr("tags", tags);
        }
    }
}
