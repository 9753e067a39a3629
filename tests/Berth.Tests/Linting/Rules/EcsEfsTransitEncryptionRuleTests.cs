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

    [Fact]
    public void An_ebs_volume_is_not_an_efs_mount()
    {
        // The shape of terraform-aws-modules/ecs v6: volumes typed with optional() attributes, EFS settings as a dynamic block.
        var module = """
            variable "volume" {
              type = map(object({
                name                = optional(string)
                configure_at_launch = optional(bool)
                efs_volume_configuration = optional(object({
                  file_system_id     = string
                  transit_encryption = optional(string)
                }))
              }))
              default = {
                data = { configure_at_launch = true }
              }
            }

            resource "aws_ecs_task_definition" "this" {
              family = "app"

              dynamic "volume" {
                for_each = var.volume
                content {
                  name                = coalesce(volume.value.name, volume.key)
                  configure_at_launch = volume.value.configure_at_launch

                  dynamic "efs_volume_configuration" {
                    for_each = volume.value.efs_volume_configuration != null ? [volume.value.efs_volume_configuration] : []
                    content {
                      file_system_id     = efs_volume_configuration.value.file_system_id
                      transit_encryption = efs_volume_configuration.value.transit_encryption
                    }
                  }
                }
              }
            }
            """;
        LintFiles.Run([Rule], [("main.tf", module)]).Findings.ShouldBeEmpty();

        var efs = "volume = {\n  data = { configure_at_launch = true }\n  shared = { efs_volume_configuration = { file_system_id = \"fs-1\" } }\n}\n";
        var finding = Lint(("main.tf", module), ("terraform.tfvars", efs)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ECS-018", 28, 11));
        finding.Message.ShouldBe("aws_ecs_task_definition.this: EFS volume 'shared' is mounted without transit encryption");
    }
}
