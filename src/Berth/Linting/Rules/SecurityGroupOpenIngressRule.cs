using System.Globalization;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class SecurityGroupOpenIngressRule : LintRule
{
    public override string Id => "BERTH-NET-001";

    public override Severity Severity => Severity.High;

    public override string Title => "Security group opens an administrative or data port to the internet";

    public override string Resource => "aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule";

    public override string Why => "SSH, RDP, databases, caches, etcd and the kubelet on 0.0.0.0/0 or ::/0 are scanned within minutes of being exposed. Only load balancers should face the internet, on 80/443.";

    public override string Fix => "Allow these ports only from security groups (a bastion, the service's callers) or private CIDRs; use SSM Session Manager instead of SSH.";

    public override RuleExample Failing => new("main.tf", """
        variable "admin_cidrs" {
          default = ["0.0.0.0/0"]
        }

        resource "aws_security_group" "nodes" {
          name = "nodes"
          dynamic "ingress" {
            for_each = var.admin_cidrs
            content {
              from_port   = 22
              to_port     = 22
              protocol    = "tcp"
              cidr_blocks = [ingress.value]
            }
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_security_group" "alb" {
          name = "alb"
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
        """);

    private static readonly int[] Sensitive = [22, 3389, 3306, 5432, 1433, 1521, 6379, 11211, 27017, 9200, 2379, 2380, 10250, 5601];

    private static readonly string[] World = ["0.0.0.0/0", "::/0"];

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var group in input.OfType("aws_security_group"))
        {
            foreach (var ingress in group.View.Blocks("ingress"))
            {
                if (UnknownAttribute(ingress, "cidr_blocks", "ipv6_cidr_blocks", "from_port", "to_port", "protocol") is { } unknown)
                {
                    yield return UnknownNote(group, ingress, unknown, "whether this ingress opens a sensitive port to the internet");
                    continue;
                }

                var cidrs = (Tf.Strings(ingress.Get("cidr_blocks")) ?? []).Concat(Tf.Strings(ingress.Get("ipv6_cidr_blocks")) ?? []);
                if (Open(cidrs, ingress.Get("from_port"), ingress.Get("to_port"), ingress.Get("protocol")) is { } port)
                {
                    yield return Report(group, ingress.Range, "ingress from the internet to port " + port);
                }
            }
        }

        foreach (var rule in input.OfType("aws_security_group_rule"))
        {
            if (rule.View.Get("type") is "ingress"
                && Open((Tf.Strings(rule.View.Get("cidr_blocks")) ?? []).Concat(Tf.Strings(rule.View.Get("ipv6_cidr_blocks")) ?? []), rule.View.Get("from_port"), rule.View.Get("to_port"), rule.View.Get("protocol")) is { } port)
            {
                yield return Report(rule, rule.View.RangeOf("cidr_blocks"), "ingress from the internet to port " + port);
            }
        }

        foreach (var rule in input.OfType("aws_vpc_security_group_ingress_rule"))
        {
            var cidrs = new[] { HclValue.AsString(rule.View.Get("cidr_ipv4")), HclValue.AsString(rule.View.Get("cidr_ipv6")) }.OfType<string>();
            if (Open(cidrs, rule.View.Get("from_port"), rule.View.Get("to_port"), rule.View.Get("ip_protocol")) is { } port)
            {
                yield return Report(rule, rule.View.Has("cidr_ipv4") ? rule.View.RangeOf("cidr_ipv4") : rule.Range, "ingress from the internet to port " + port);
            }
        }
    }

    /// <summary>
    /// The attribute that keeps a rule from deciding: an unknown CIDR list, or, when a CIDR is the whole internet, an
    /// unknown port or protocol. Null when the rule can decide.
    /// </summary>
    internal static string? UnknownAttribute(BlockView view, string cidrs, string ipv6Cidrs, string from, string to, string protocol)
    {
        foreach (var attribute in new[] { cidrs, ipv6Cidrs })
        {
            if (HclValue.ContainsUnknown(view.Get(attribute)))
            {
                return attribute;
            }
        }

        var world = (Tf.Strings(view.Get(cidrs)) ?? []).Concat(Tf.Strings(view.Get(ipv6Cidrs)) ?? []).Any(c => World.Contains(c));
        return world ? new[] { protocol, from, to }.FirstOrDefault(a => HclValue.IsUnknown(view.Get(a))) : null;
    }

    /// <summary>The first sensitive port the rule opens to the world, or null.</summary>
    private static string? Open(IEnumerable<string> cidrs, object? from, object? to, object? protocol)
    {
        if (!cidrs.Any(c => World.Contains(c)))
        {
            return null;
        }

        if (HclValue.AsString(protocol) is "-1" or "all")
        {
            return "(all ports)";
        }

        if (HclValue.AsNumber(from) is not { } lo || HclValue.AsNumber(to) is not { } hi)
        {
            return null;
        }

        var port = Sensitive.FirstOrDefault(p => p >= lo && p <= hi);
        return port == 0 ? null : port.ToString(CultureInfo.InvariantCulture);
    }
}
