using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsImageTagRuleTests : RuleTests<EcsImageTagRule>
{
    [Fact]
    public void The_failing_example_gives_the_exact_finding()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ECS-021", 3, 55));
        finding.Message.ShouldBe("aws_ecs_task_definition.api: container 'api' uses image '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest' without a version tag");
    }
}
