using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsTaskRoleIsExecutionRoleRule : LintRule
{
    public override string Id => "BERTH-ECS-015";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ECS task role is the execution role";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "The execution role lets the ECS agent pull images and read every secret of the task; the task role is what the application's code can do. One role for both hands the application the agent's rights, including every secret.";

    public override string Fix => "Create a separate task role with only the application's permissions.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family             = "api"
          execution_role_arn = aws_iam_role.ecs.arn
          task_role_arn      = aws_iam_role.ecs.arn
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_task_definition" "api" {
          family             = "api"
          execution_role_arn = aws_iam_role.execution.arn
          task_role_arn      = aws_iam_role.task.arn
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (task.View.Attr("execution_role_arn") is not { } execution || task.View.Attr("task_role_arn") is not { } role)
            {
                continue;
            }

            var same = Text(execution.Value) is { } a && a == Text(role.Value)
                || (task.View.Get("execution_role_arn") is string x && task.View.Get("task_role_arn") is string y && x == y);
            if (!same && (Unresolvable(task, "execution_role_arn") ?? Unresolvable(task, "task_role_arn")) is { } unknown)
            {
                yield return UnknownNote(task, task.View, unknown, "whether the task role is the execution role");
                continue;
            }

            if (same)
            {
                yield return Report(task, role.Range, "task_role_arn is the execution role");
            }
        }
    }

    /// <summary>
    /// The attribute when its value is unknown for a reason other than being a resource's ARN (two different role
    /// resources are two roles): a variable without a value, a data source, a module output.
    /// </summary>
    private static string? Unresolvable(TerraformResource task, string attribute)
    {
        if (task.View.Get(attribute) is not Unknown || task.View.Attr(attribute) is not { } attr)
        {
            return null;
        }

        var (expr, _) = ModuleInstance.Resolve(attr.Value, task.View.Scope);
        return Tf.Traversals(expr).Any(g => g.Source is HclVariable { Name: "var" or "data" or "module" }) ? attribute : null;
    }

    /// <summary>A reference as written (aws_iam_role.x.arn), to compare two unknown values.</summary>
    private static string? Text(HclExpr expr) => expr switch
    {
        HclVariable v => v.Name,
        HclGetAttr g => Text(g.Source) is { } s ? s + "." + g.Name : null,
        _ => null,
    };
}
