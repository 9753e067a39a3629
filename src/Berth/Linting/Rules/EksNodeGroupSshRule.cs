namespace Berth.Linting.Rules;

public sealed class EksNodeGroupSshRule : LintRule
{
    public override string Id => "BERTH-EKS-010";

    public override Severity Severity => Severity.High;

    public override string Title => "EKS node group SSH open to the world";

    public override string Resource => "aws_eks_node_group";

    public override string Why => "A `remote_access` block with an SSH key and no `source_security_group_ids` opens port 22 on every node to 0.0.0.0/0.";

    public override string Fix => "Drop `remote_access` (use SSM Session Manager), or set `source_security_group_ids` to a bastion's security group.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_node_group" "general" {
          cluster_name    = "main"
          node_group_name = "general"
          remote_access {
            ec2_ssh_key = "ops"
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_node_group" "general" {
          cluster_name    = "main"
          node_group_name = "general"
          remote_access {
            ec2_ssh_key               = "ops"
            source_security_group_ids = ["sg-0123456789abcdef0"]
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var group in input.OfType("aws_eks_node_group"))
        {
            foreach (var remote in group.View.Blocks("remote_access"))
            {
                if (remote.Has("ec2_ssh_key") && remote.Get("source_security_group_ids") is null)
                {
                    yield return Report(group, remote.Range, "SSH (port 22) to the nodes is open to 0.0.0.0/0");
                }
            }
        }
    }
}
