using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsPublicIpRule : LintRule
{
    public override string Id => "BERTH-ECS-007";

    public override Severity Severity => Severity.High;

    public override string Title => "ECS tasks get public IP addresses";

    public override string Resource => "aws_ecs_service";

    public override string Why => "`assign_public_ip = true` gives every task an internet-routable address in a public subnet: its security group is then the only thing between it and the internet. Tasks belong in private subnets behind a load balancer, reaching out through NAT or VPC endpoints.";

    public override string Fix => "Run the service in private subnets with `assign_public_ip = false`.";

    public override RuleExample Failing => new("main.tf", """
        variable "public_ip" {
          default = true
        }

        resource "aws_ecs_service" "api" {
          name = "api"
          network_configuration {
            subnets          = ["subnet-public-a"]
            assign_public_ip = var.public_ip
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name = "api"
          network_configuration {
            subnets          = ["subnet-private-a"]
            assign_public_ip = false
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var service in input.OfType("aws_ecs_service"))
        {
            foreach (var network in service.View.Blocks("network_configuration"))
            {
                if (network.Get("assign_public_ip") is Hcl.Unknown)
                {
                    yield return Note(service, network.RangeOf("assign_public_ip"), "cannot tell whether tasks get public IPs: " + Unresolved.Describe(network, "assign_public_ip"));
                }
                else if (Tf.IsTrue(network.Get("assign_public_ip")))
                {
                    yield return Report(service, network.RangeOf("assign_public_ip"), "tasks get public IPs (assign_public_ip = true)");
                }
            }
        }
    }
}
