using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EksPublicEndpointRule : LintRule
{
    public override string Id => "BERTH-EKS-001";

    public override Severity Severity => Severity.High;

    public override string Title => "EKS API endpoint open to the internet";

    public override string Resource => "aws_eks_cluster";

    public override string Why => "The Kubernetes API is the keys to the cluster. `endpoint_public_access` defaults to true with `public_access_cidrs` 0.0.0.0/0: anyone can reach it and try stolen or leaked credentials (DOMAIN.md §5: public EKS API endpoint).";

    public override string Fix => "Set `endpoint_private_access = true` and `endpoint_public_access = false` (reach it over VPN or a bastion), or at least restrict `public_access_cidrs`.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
          vpc_config {
            subnet_ids = ["subnet-a", "subnet-b"]
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name = "main"
          vpc_config {
            subnet_ids              = ["subnet-a", "subnet-b"]
            endpoint_private_access = true
            endpoint_public_access  = false
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var cluster in input.OfType("aws_eks_cluster"))
        {
            var vpc = cluster.View.Block("vpc_config");
            if (vpc is null)
            {
                continue;
            }

            var publicAccess = vpc.Get("endpoint_public_access");
            if (publicAccess is Unknown)
            {
                yield return Note(cluster, vpc.RangeOf("endpoint_public_access"), "cannot tell whether the API endpoint is public: " + Unresolved.Describe(vpc, "endpoint_public_access"));
                continue;
            }

            if (Tf.IsFalse(publicAccess))
            {
                continue;
            }

            var cidrs = vpc.Get("public_access_cidrs");
            if (cidrs is null || (Tf.Strings(cidrs) is { } list && (list.Count == 0 || list.Contains("0.0.0.0/0"))))
            {
                yield return Report(cluster, vpc.Has("endpoint_public_access") ? vpc.RangeOf("endpoint_public_access") : vpc.Range, "the API endpoint is public and open to 0.0.0.0/0");
            }
        }
    }
}
