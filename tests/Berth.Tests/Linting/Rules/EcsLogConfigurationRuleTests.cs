using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsLogConfigurationRuleTests : RuleTests<EcsLogConfigurationRule>
{
    [Fact]
    public void A_heredoc_definition_points_at_the_container_line()
    {
        var finding = Lint(("main.tf", """
            resource "aws_ecs_task_definition" "api" {
              family                = "api"
              container_definitions = <<-JSON
                [
                  {
                    "name": "logged", "image": "a:1",
                    "logConfiguration": { "logDriver": "awslogs" }
                  },
                  {
                    "name": "silent", "image": "b:1"
                  }
                ]
              JSON
            }
            """)).ShouldHaveSingleItem();
        finding.Message.ShouldContain("'silent'");
        finding.Range.Line.ShouldBe(9);
    }

    [Fact]
    public void A_file_definition_points_into_the_json_file()
    {
        var finding = Lint(
            ("containers/api.json", "[\n  {\n    \"name\": \"api\",\n    \"image\": \"api:1\"\n  }\n]\n"),
            ("main.tf", """
                resource "aws_ecs_task_definition" "api" {
                  family                = "api"
                  container_definitions = file("${path.module}/containers/api.json")
                }
                """)).ShouldHaveSingleItem();
        finding.Range.File.ShouldBe("containers/api.json");
        finding.Range.Line.ShouldBe(2);
    }

    [Fact]
    public void A_jsonencode_through_a_local_points_at_the_hcl_object()
    {
        var finding = Lint(("main.tf", """
            locals {
              containers = [
                {
                  name  = "app"
                  image = "app:1"
                },
              ]
            }

            resource "aws_ecs_task_definition" "api" {
              family                = "api"
              container_definitions = jsonencode(local.containers)
            }
            """)).ShouldHaveSingleItem();
        finding.Range.Line.ShouldBe(3);
    }

    [Fact]
    public void A_file_outside_the_scanned_tree_is_unknown() =>
        Lint(("main.tf", """
            resource "aws_ecs_task_definition" "api" {
              family                = "api"
              container_definitions = file("/etc/hostname")
            }
            """)).ShouldBeEmpty();
}
