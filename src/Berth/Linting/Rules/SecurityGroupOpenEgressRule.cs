using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class SecurityGroupOpenEgressRule : LintRule
{
    public override string Id => "BERTH-NET-003";

    public override Severity Severity => Severity.Low;

    public override string Title => "Security group allows all egress to the internet";

    public override string Resource => "aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule";

    public override string Why => "All protocols to 0.0.0.0/0 (or ::/0) lets a compromised task or node reach any host on any port: exfiltration and command-and-control need no other mistake. Most services only need HTTPS to AWS APIs (better: VPC endpoints) and their own dependencies. It is AWS's default, hence low severity, but worth narrowing for production.";

    public override string Fix => "Replace the all-traffic egress with the ports the service needs (e.g. 443 to a prefix list or VPC endpoints, the database port to its security group).";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_security_group" "tasks" {
          name = "tasks"
          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_security_group" "tasks" {
          name = "tasks"
          egress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
        """);

    private static readonly string[] World = ["0.0.0.0/0", "::/0"];

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var group in input.OfType("aws_security_group"))
        {
            foreach (var egress in group.View.Blocks("egress"))
            {
                if (SecurityGroupOpenIngressRule.UnknownAttribute(egress, "cidr_blocks", "ipv6_cidr_blocks", "from_port", "to_port", "protocol") is { } unknown)
                {
                    yield return UnknownNote(group, egress, unknown, "whether this egress is open to the internet");
                    continue;
                }

                var cidrs = (Tf.Strings(egress.Get("cidr_blocks")) ?? []).Concat(Tf.Strings(egress.Get("ipv6_cidr_blocks")) ?? []);
                if (AllTraffic(cidrs, egress.Get("protocol"), egress.Get("from_port"), egress.Get("to_port")) is { } what)
                {
                    yield return Report(group, egress.Range, "egress to the internet on " + what);
                }
            }
        }

        foreach (var rule in input.OfType("aws_security_group_rule"))
        {
            if (rule.View.Get("type") is "egress"
                && AllTraffic((Tf.Strings(rule.View.Get("cidr_blocks")) ?? []).Concat(Tf.Strings(rule.View.Get("ipv6_cidr_blocks")) ?? []), rule.View.Get("protocol"), rule.View.Get("from_port"), rule.View.Get("to_port")) is { } what)
            {
                yield return Report(rule, rule.View.RangeOf("cidr_blocks"), "egress to the internet on " + what);
            }
        }

        foreach (var rule in input.OfType("aws_vpc_security_group_egress_rule"))
        {
            var cidrs = new[] { HclValue.AsString(rule.View.Get("cidr_ipv4")), HclValue.AsString(rule.View.Get("cidr_ipv6")) }.OfType<string>();
            if (AllTraffic(cidrs, rule.View.Get("ip_protocol"), rule.View.Get("from_port"), rule.View.Get("to_port")) is { } what)
            {
                yield return Report(rule, rule.View.Has("cidr_ipv4") ? rule.View.RangeOf("cidr_ipv4") : rule.Range, "egress to the internet on " + what);
            }
        }
    }

    /// <summary>What is open to the world: protocol -1 ("all"), or TCP or UDP over the whole port range 0–65535; null otherwise.</summary>
    private static string? AllTraffic(IEnumerable<string> cidrs, object? protocol, object? from, object? to)
    {
        if (!cidrs.Any(c => World.Contains(c)))
        {
            return null;
        }

        var whole = HclValue.AsNumber(from) is 0 && HclValue.AsNumber(to) is 65535;
        return HclValue.AsString(protocol) switch
        {
            "-1" or "all" => "every port and protocol",
            "tcp" or "6" when whole => "every TCP port",
            "udp" or "17" when whole => "every UDP port",
            _ => null,
        };
    }
}
