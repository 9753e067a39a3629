using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsEfsTransitEncryptionRuleTests : RuleTests<EcsEfsTransitEncryptionRule>
{
    private const string Module = """
        variable "transit" {
          type = string
        }

        resource "aws_ecs_task_definition" "this" {
          family                = "api"
          container_definitions = jsonencode([{ name = "app", image = "app:1.0" }])

          dynamic "volume" {
            for_each = ["data"]
            content {
              name = volume.value
              efs_volume_configuration {
                file_system_id     = "fs-0123456789abcdef0"
                transit_encryption = var.transit
              }
            }
          }
        }
        """;

    [Fact]
    public void A_local_module_is_checked_with_each_callers_value()
    {
        var findings = Lint(
            ("modules/task/main.tf", Module),
            ("main.tf", """
                locals {
                  modes = { secure = "ENABLED", plain = "DISABLED" }
                }

                module "task" {
                  source   = "./modules/task"
                  for_each = local.modes
                  transit  = each.value
                }
                """));
        var finding = findings.ShouldHaveSingleItem();
        finding.Address.ShouldBe("module.task[\"plain\"].aws_ecs_task_definition.this");
        finding.Range.File.ShouldBe("modules/task/main.tf");
        finding.Range.Line.ShouldBe(15);
    }

    [Fact]
    public void A_variable_without_a_value_gives_a_note_not_a_finding()
    {
        var files = new[] { ("main.tf", Module) };
        Lint(files).ShouldBeEmpty();
        var note = Notes(files).ShouldHaveSingleItem();
        note.Message.ShouldContain("var.transit has no default");
        note.Range.Line.ShouldBe(15);
    }

    [Fact]
    public void Tfvars_decide_it() =>
        Lint(("main.tf", Module), ("terraform.tfvars", "transit = \"DISABLED\"\n")).ShouldHaveSingleItem().Message.ShouldContain("volume 'data'");
}
