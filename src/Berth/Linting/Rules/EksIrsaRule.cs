using Berth.Linting.Hcl;
namespace Berth.Linting.Rules;

public sealed class EksIrsaRule : LintRule
{
    public override string Id => "BERTH-EKS-009";

    public override Severity Severity => Severity.Low;

    public override string Title => "IRSA OIDC provider where EKS Pod Identity would do";

    public override string Resource => "aws_iam_openid_connect_provider";

    public override string Why => "IRSA needs an IAM OIDC provider per cluster, a thumbprint that can go stale, and trust policies naming the cluster's issuer URL — rebuilding the cluster breaks every role. EKS Pod Identity associates roles with service accounts through the EKS API, with no OIDC provider (DOMAIN.md §4).";

    public override string Fix => "Install the eks-pod-identity-agent add-on and replace IRSA roles with `aws_eks_pod_identity_association`; keep IRSA only for tools that do not support Pod Identity yet.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_iam_openid_connect_provider" "eks" {
          url            = aws_eks_cluster.main.identity[0].oidc[0].issuer
          client_id_list = ["sts.amazonaws.com"]
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_pod_identity_association" "api" {
          cluster_name    = "main"
          namespace       = "shop"
          service_account = "api"
          role_arn        = "arn:aws:iam::123456789012:role/api"
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var provider in input.OfType("aws_iam_openid_connect_provider"))
        {
            var clients = provider.View.Get("client_id_list");
            if (HclValue.ContainsUnknown(clients))
            {
                yield return UnknownNote(provider, provider.View, "client_id_list", "whether it is an IRSA provider (client sts.amazonaws.com)");
                continue;
            }

            if (clients is IReadOnlyList<object?> list && list.Contains("sts.amazonaws.com"))
            {
                yield return Report(provider, provider.Range, "an IRSA OIDC provider: prefer EKS Pod Identity for workload IAM");
            }
        }
    }
}
