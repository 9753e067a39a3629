using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class EksClusterAdminPolicyRule : LintRule
{
    public override string Id => "BERTH-EKS-011";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Cluster-admin access policy at cluster scope";

    public override string Resource => "aws_eks_access_policy_association";

    public override string Why => "AmazonEKSClusterAdminPolicy at cluster scope is full control of every namespace. Development teams need namespace-scoped policies (AmazonEKSEditPolicy, AmazonEKSAdminPolicy on their namespaces); cluster-admin belongs to a break-glass role.";

    public override string Fix => "Use `access_scope { type = \"namespace\", namespaces = [...] }` with a narrower policy, and keep cluster-admin for a break-glass role.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_access_policy_association" "developers" {
          cluster_name  = "main"
          principal_arn = "arn:aws:iam::123456789012:role/developers"
          policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope {
            type = "cluster"
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_access_policy_association" "developers" {
          cluster_name  = "main"
          principal_arn = "arn:aws:iam::123456789012:role/developers"
          policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"
          access_scope {
            type       = "namespace"
            namespaces = ["shop"]
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var association in input.OfType("aws_eks_access_policy_association"))
        {
            var scope = association.View.Block("access_scope");
            if (association.View.Get("policy_arn") is Unknown)
            {
                yield return UnknownNote(association, association.View, "policy_arn", "which access policy it grants");
                continue;
            }

            if (scope?.Get("type") is Unknown && HclValue.AsString(association.View.Get("policy_arn"))?.EndsWith("/AmazonEKSClusterAdminPolicy", StringComparison.Ordinal) == true)
            {
                yield return UnknownNote(association, scope, "type", "whether AmazonEKSClusterAdminPolicy is granted at cluster scope");
                continue;
            }

            if (HclValue.AsString(association.View.Get("policy_arn")) is { } arn && arn.EndsWith("/AmazonEKSClusterAdminPolicy", StringComparison.Ordinal)
                && association.View.Block("access_scope")?.Get("type") is "cluster")
            {
                yield return Report(association, association.View.RangeOf("policy_arn"), "grants AmazonEKSClusterAdminPolicy at cluster scope");
            }
        }
    }
}
