using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EksSecretsEncryptionRule : LintRule
{
    public override string Id => "BERTH-EKS-002";

    public override Severity Severity => Severity.High;

    public override string Title => "EKS cluster without KMS envelope encryption of secrets";

    public override string Resource => "aws_eks_cluster";

    public override string Why => "Kubernetes Secrets are only base64 in etcd. Envelope encryption with your own KMS key adds a key you control, audit in CloudTrail and can revoke.";

    public override string Fix => "Add `encryption_config { resources = [\"secrets\"], provider { key_arn = aws_kms_key.eks.arn } }`.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
          encryption_config {
            resources = ["secrets"]
            provider {
              key_arn = aws_kms_key.eks.arn
            }
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var cluster in input.OfType("aws_eks_cluster"))
        {
            if (cluster.View.MayHaveUnknownBlocks("encryption_config"))
            {
                continue;
            }

            var configs = cluster.View.Blocks("encryption_config");
            if (configs.Count == 0)
            {
                yield return Report(cluster, cluster.Range, "secrets are not envelope-encrypted with a KMS key");
            }
            else if (configs.All(c => Tf.Strings(c.Get("resources")) is { } r && !r.Contains("secrets")))
            {
                yield return Report(cluster, configs[0].RangeOf("resources"), "encryption_config does not cover secrets");
            }
        }
    }
}
