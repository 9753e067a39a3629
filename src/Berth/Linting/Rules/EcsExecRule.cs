using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsExecRule : LintRule
{
    public override string Id => "BERTH-ECS-009";

    public override Severity Severity => Severity.Low;

    public override string Title => "ECS service without ECS Exec for debugging";

    public override string Resource => "aws_ecs_service";

    public override string Why => "Without ECS Exec there is no controlled way into a running Fargate task during an incident (DOMAIN.md §5). With it, sessions are IAM-authorised, and the cluster's exec configuration can log and KMS-encrypt them.";

    public override string Fix => "Set `enable_execute_command = true`, and configure the cluster's `execute_command_configuration` with KMS and CloudWatch logging.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name = "api"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_service" "api" {
          name                   = "api"
          enable_execute_command = true
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var service in input.OfType("aws_ecs_service"))
        {
            var value = service.View.Get("enable_execute_command");
            if (value is null || Tf.IsFalse(value))
            {
                yield return Report(service, service.View.RangeOf("enable_execute_command"), "ECS Exec is off (enable_execute_command)");
            }
        }
    }
}
