using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsRootUserRuleTests : RuleTests<EcsRootUserRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ECS-020", 3, 39));
        finding.Message.ShouldBe("aws_ecs_task_definition.api: container 'api' sets no user: it runs as the image's user, root unless the image says otherwise");
    }

    [Fact]
    public void User_zero_or_root_is_root_and_an_unknown_user_is_a_note()
    {
        var root = Rule.Passing.Content.Replace("1000:1000", "0:0", StringComparison.Ordinal);
        Lint(("main.tf", root)).ShouldHaveSingleItem().Message.ShouldBe("aws_ecs_task_definition.api: container 'api' runs as root (user \"0:0\")");
        Notes(("main.tf", Rule.Passing.Content.Replace("\"1000:1000\"", "var.user", StringComparison.Ordinal) + "\nvariable \"user\" {}\n"))
            .ShouldHaveSingleItem().Message.ShouldBe("aws_ecs_task_definition.api: cannot tell which user it runs as for container 'api': var.user has no default and no value in the tfvars (pass one with --var-file)");
    }
}
