using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsEc2LaunchTypeRuleTests : RuleTests<EcsEc2LaunchTypeRule>
{
    [Fact]
    public void An_inferentia_task_or_one_larger_than_fargate_allows_needs_ec2()
    {
        // An Inferentia (inf2) task maps /dev/neuron devices and asks for more than Fargate's 16 vCPU.
        var inferentia = """
            resource "aws_ecs_task_definition" "inference" {
              family                   = "inference"
              requires_compatibilities = ["EC2"]
              cpu                      = 32768
              memory                   = 122880
              container_definitions = jsonencode([{
                name  = "neuron"
                image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:2.1"
                linuxParameters = {
                  devices = [{ hostPath = "/dev/neuron0", containerPath = "/dev/neuron0", permissions = ["read", "write"] }]
                }
              }])
            }
            """;
        Lint(("main.tf", inferentia)).ShouldBeEmpty();
        Lint(("main.tf", inferentia.Replace("              cpu                      = 32768\n", "", StringComparison.Ordinal))).ShouldBeEmpty();
        var small = inferentia.Replace("32768", "2048", StringComparison.Ordinal).Replace("122880", "4096", StringComparison.Ordinal).Replace("/dev/neuron0", "/dev/fuse", StringComparison.Ordinal);
        var finding = Lint(("main.tf", small)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ECS-001", 3, 3));
        finding.Message.ShouldBe("aws_ecs_task_definition.inference: runs on the EC2 launch type with no GPU requirement");
    }
}
