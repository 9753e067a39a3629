using System.Globalization;
using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class LbDeregistrationDelayRule : LintRule
{
    public override string Id => "BERTH-NET-002";

    public override Severity Severity => Severity.Low;

    public override string Title => "IP target group with a deregistration delay over 120 s";

    public override string Resource => "aws_lb_target_group";

    public override string Why => "Fargate tasks and EKS pods register as IP targets. The default deregistration delay is 300 s, longer than Spot's two-minute warning: the load balancer keeps sending requests to a target that is already gone, and every deployment waits five minutes per batch. About 30 s is enough for most HTTP services (DOMAIN.md §4).";

    public override string Fix => "Set `deregistration_delay = 30` (at most 120) and make the service drain in-flight requests on SIGTERM.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_lb_target_group" "api" {
          name        = "api"
          port        = 8080
          protocol    = "HTTP"
          target_type = "ip"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_lb_target_group" "api" {
          name                 = "api"
          port                 = 8080
          protocol             = "HTTP"
          target_type          = "ip"
          deregistration_delay = 30
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var group in input.OfType("aws_lb_target_group"))
        {
            if (group.View.Get("target_type") is Unknown || group.View.Get("deregistration_delay") is Unknown)
            {
                yield return UnknownNote(group, group.View, group.View.Get("target_type") is Unknown ? "target_type" : "deregistration_delay", "how long IP targets take to deregister");
                continue;
            }

            if (group.View.Get("target_type") is not "ip")
            {
                continue;
            }

            var value = group.View.Get("deregistration_delay");
            var delay = value is null ? 300m : HclValue.AsNumber(value);
            if (delay is { } d && d > 120)
            {
                yield return Report(group, group.View.Has("deregistration_delay") ? group.View.RangeOf("deregistration_delay") : group.Range,
                    string.Create(CultureInfo.InvariantCulture, $"deregistration delay is {HclValue.FormatNumber(d)} s{(value is null ? " (the default)" : "")}"));
            }
        }
    }
}
