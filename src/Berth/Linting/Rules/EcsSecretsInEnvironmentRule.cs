using System.Text.RegularExpressions;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed partial class EcsSecretsInEnvironmentRule : LintRule
{
    public override string Id => "BERTH-ECS-006";

    public override Severity Severity => Severity.Critical;

    public override string Title => "Secret passed as a plain ECS environment variable";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "Values in `environment` are stored in clear text in the task definition: anyone with `ecs:DescribeTaskDefinition` reads them, and they are in the Terraform state and plan output. Secrets Manager or SSM references in `secrets` are resolved at start and never stored.";

    public override string Fix => "Move the value to Secrets Manager (or SSM Parameter Store) and reference it from the container's `secrets` with `valueFrom`.";

    public override RuleExample Failing => new("main.tf", """
        locals {
          env = { DB_PASSWORD = "hunter2", LOG_LEVEL = "info" }
        }

        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([{
            name        = "app"
            image       = "app:1.0"
            environment = [for k, v in local.env : { name = k, value = v }]
          }])
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([{
            name        = "app"
            image       = "app:1.0"
            environment = [{ name = "LOG_LEVEL", value = "info" }]
            secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" }]
          }])
        }
        """);

    [GeneratedRegex("(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)", RegexOptions.IgnoreCase)]
    internal static partial Regex SecretName();

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (ContainersUnknown(task, "whether secrets are passed in plain environment") is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            foreach (var container in EcsContainers.Read(task) ?? [])
            {
                if (container.Get("environment") is Unknown || (container.Get("environment") is IReadOnlyList<object?> entries && entries.Any(e => e is Unknown || (e is HclDictionary d && d.GetOrNull("name") is Unknown))))
                {
                    yield return UnknownKey(task, container, "environment", "which environment variables it sets");
                    continue;
                }

                if (container.Get("environment") is not IReadOnlyList<object?> environment)
                {
                    continue;
                }

                foreach (var entry in environment.OfType<HclDictionary>())
                {
                    if (HclValue.AsString(entry.GetOrNull("name")) is { } name && SecretName().IsMatch(name)
                        && entry.GetOrNull("value") is not (null or ""))
                    {
                        yield return Report(task, entry.Range ?? container.RangeOf("environment"), "container '" + container.Name + "' passes " + name + " in plain environment; use secrets");
                    }
                }
            }
        }
    }
}
