using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsPlatformVersionRuleTests : RuleTests<EcsPlatformVersionRule>
{
    [Theory]
    [InlineData("1.3.0", true)]
    [InlineData("1.2.0", true)]
    [InlineData("1.4.0", false)]
    [InlineData("LATEST", false)]
    [InlineData("latest", false)]
    public void Versions_before_1_4_0_are_flagged(string version, bool flagged) =>
        Lint(("main.tf", $$"""
            locals {
              platform = "{{version}}"
            }

            resource "aws_ecs_service" "api" {
              name             = "api"
              platform_version = local.platform
            }
            """)).Count.ShouldBe(flagged ? 1 : 0);

    [Fact]
    public void Unset_means_latest() =>
        Lint(("main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n")).ShouldBeEmpty();

    [Fact]
    public void Windows_tasks_have_their_own_version_line() =>
        Lint(("main.tf", """
            resource "aws_ecs_task_definition" "win" {
              family = "win"
              runtime_platform {
                operating_system_family = "WINDOWS_SERVER_2022_CORE"
              }
            }

            resource "aws_ecs_service" "win" {
              name             = "win"
              task_definition  = aws_ecs_task_definition.win.arn
              platform_version = "1.0.0"
            }
            """)).ShouldBeEmpty();

    [Fact]
    public void A_module_input_decides_it_and_an_unknown_one_is_a_note()
    {
        const string module = """
            variable "platform_version" {
              type = string
            }

            resource "aws_ecs_service" "this" {
              name             = "api"
              platform_version = var.platform_version
            }
            """;
        Lint(("modules/svc/main.tf", module), ("main.tf", "module \"svc\" {\n  source           = \"./modules/svc\"\n  platform_version = \"1.3.0\"\n}\n"))
            .ShouldHaveSingleItem().Address.ShouldBe("module.svc.aws_ecs_service.this");
        Notes(("main.tf", module)).ShouldHaveSingleItem().Message.ShouldContain("var.platform_version has no default");
    }
}
