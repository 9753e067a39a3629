using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsExecLoggingRule : LintRule
{
    public override string Id => "BERTH-ECS-017";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS Exec sessions not logged or not encrypted";

    public override string Resource => "aws_ecs_cluster";

    public override string Why => "ECS Exec is a shell in production. Without `logging = \"OVERRIDE\"` to an encrypted CloudWatch log group (or S3) nobody can say what was run, and without a KMS key the session data is not encrypted with a key you control (DOMAIN.md §4).";

    public override string Fix => "Configure `execute_command_configuration { kms_key_id = …, logging = \"OVERRIDE\", log_configuration { cloud_watch_encryption_enabled = true, cloud_watch_log_group_name = … } }` on the cluster.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_cluster" "main" {
          name = "main"
          configuration {
            execute_command_configuration {
              logging = "NONE"
            }
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_cluster" "main" {
          name = "main"
          configuration {
            execute_command_configuration {
              kms_key_id = aws_kms_key.exec.arn
              logging    = "OVERRIDE"
              log_configuration {
                cloud_watch_encryption_enabled = true
                cloud_watch_log_group_name     = "/ecs/main/exec"
              }
            }
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        // Only clusters whose services (in the same root module or its modules) use ECS Exec need this.
        var rootsUsingExec = input.OfType("aws_ecs_service").Where(s => Tf.IsTrue(s.View.Get("enable_execute_command")))
            .Select(s => s.Module.RootDirectory).ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in input.OfType("aws_ecs_cluster"))
        {
            var usesExec = rootsUsingExec.Contains(cluster.Module.RootDirectory);
            var exec = cluster.View.Block("configuration")?.Block("execute_command_configuration");
            if (exec is null)
            {
                if (usesExec && !cluster.View.MayHaveUnknownBlocks("configuration"))
                {
                    yield return Report(cluster, cluster.Range, "services use ECS Exec but the cluster has no execute_command_configuration (sessions are not logged)");
                }

                continue;
            }

            var logging = exec.Get("logging");
            if (logging is "NONE")
            {
                yield return Report(cluster, exec.RangeOf("logging"), "ECS Exec sessions are not logged (logging = NONE)");
                continue;
            }

            if (logging is "OVERRIDE" && exec.Block("log_configuration") is { } logs && logs.Has("cloud_watch_log_group_name") && !Tf.IsTrue(logs.Get("cloud_watch_encryption_enabled")) && logs.Get("cloud_watch_encryption_enabled") is not Hcl.Unknown)
            {
                yield return Report(cluster, logs.RangeOf("cloud_watch_encryption_enabled"), "ECS Exec session logs are not encrypted");
            }
            else if (!exec.Has("kms_key_id"))
            {
                yield return Report(cluster, exec.Range, "ECS Exec sessions are not encrypted with a KMS key (kms_key_id)");
            }
        }
    }
}
