using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsExecLoggingRuleTests : RuleTests<EcsExecLoggingRule>
{
    [Fact]
    public void A_cluster_without_exec_configuration_is_flagged_only_when_services_use_exec()
    {
        const string cluster = "resource \"aws_ecs_cluster\" \"main\" {\n  name = \"main\"\n}\n";
        Lint(("main.tf", cluster)).ShouldBeEmpty();
        Lint(("main.tf", cluster + "\nresource \"aws_ecs_service\" \"api\" {\n  name                   = \"api\"\n  enable_execute_command = true\n}\n")).ShouldHaveSingleItem();
    }

    [Fact]
    public void Unencrypted_session_logs_are_flagged() =>
        Lint(("main.tf", Rule.Passing.Content.Replace("cloud_watch_encryption_enabled = true", "cloud_watch_encryption_enabled = false", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldContain("not encrypted");
}
