using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class SecurityGroupOpenIngressRuleTests : RuleTests<SecurityGroupOpenIngressRule>
{
    [Fact]
    public void Standalone_rules_and_all_protocols_are_checked()
    {
        var findings = Lint(("main.tf", """
            resource "aws_security_group_rule" "db" {
              type        = "ingress"
              from_port   = 5432
              to_port     = 5432
              protocol    = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }

            resource "aws_vpc_security_group_ingress_rule" "all" {
              cidr_ipv4   = "0.0.0.0/0"
              ip_protocol = "-1"
            }
            """));
        findings.Count.ShouldBe(2);
    }

    [Fact]
    public void Private_cidrs_from_tfvars_are_fine()
    {
        Lint(("main.tf", Rule.Failing.Content), ("terraform.tfvars", "admin_cidrs = [\"10.0.0.0/8\"]\n")).ShouldBeEmpty();
    }
}
