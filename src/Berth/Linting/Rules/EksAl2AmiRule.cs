using Berth.Linting.Hcl;
using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class EksAl2AmiRule : LintRule
{
    public override string Id => "BERTH-EKS-014";

    public override Severity Severity => Severity.Medium;

    public override string Title => "EKS nodes on Amazon Linux 2 AMIs, out of support";

    public override string Resource => "aws_eks_node_group, EC2NodeClass";

    public override string Why => "AWS ended support for the EKS-optimized Amazon Linux 2 AMIs on 2025-11-26 (docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html): no new AL2 AMIs, no security patches, and none at all for Kubernetes 1.33 and later. Nodes on AL2 block the next cluster upgrade.";

    public override string Fix => "Move node groups to `ami_type = \"AL2023_x86_64_STANDARD\"` (or `AL2023_ARM_64_STANDARD`, or Bottlerocket), and EC2NodeClasses to `amiSelectorTerms: [{ alias: al2023@<version> }]`.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_node_group" "default" {
          cluster_name  = "platform"
          node_role_arn = "arn:aws:iam::123456789012:role/nodes"
          subnet_ids    = ["subnet-1"]
          ami_type      = "AL2_x86_64"
          scaling_config {
            desired_size = 3
            max_size     = 6
            min_size     = 3
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_node_group" "default" {
          cluster_name  = "platform"
          node_role_arn = "arn:aws:iam::123456789012:role/nodes"
          subnet_ids    = ["subnet-1"]
          ami_type      = "AL2023_x86_64_STANDARD"
          scaling_config {
            desired_size = 3
            max_size     = 6
            min_size     = 3
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var group in input.OfType("aws_eks_node_group"))
        {
            var type = group.View.Get("ami_type");
            if (type is Unknown)
            {
                yield return UnknownNote(group, group.View, "ami_type", "which AMI family the nodes run");
            }
            else if (HclValue.AsString(type) is { } ami && ami.StartsWith("AL2_", StringComparison.Ordinal))
            {
                yield return Report(group, group.View.RangeOf("ami_type"), "ami_type " + ami + " is an Amazon Linux 2 AMI, out of support since 2025-11-26");
            }
        }

        foreach (var nodeClass in input.OfKind("EC2NodeClass").Where(o => o.Group == "karpenter.k8s.aws"))
        {
            if (Yaml.Str(nodeClass.Spec, "amiFamily") is "AL2")
            {
                yield return Report(nodeClass, Yaml.KeyRange(nodeClass.File, nodeClass.Spec, "amiFamily") ?? nodeClass.Range, "amiFamily AL2 is Amazon Linux 2, out of support since 2025-11-26");
                continue;
            }

            foreach (var term in Yaml.Seq(nodeClass.Spec, "amiSelectorTerms"))
            {
                if (Yaml.Str(term, "alias") is { } alias && alias.StartsWith("al2@", StringComparison.Ordinal))
                {
                    yield return Report(nodeClass, Yaml.KeyRange(nodeClass.File, term, "alias") ?? nodeClass.Range, "amiSelectorTerms alias " + alias + " is Amazon Linux 2, out of support since 2025-11-26");
                }
            }
        }
    }
}
