using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsFargateSizeRuleTests : RuleTests<EcsFargateSizeRule>
{
    private const string Task = """
        variable "cpu" {
          default = 512
        }

        variable "memory" {
          default = 1024
        }

        resource "aws_ecs_task_definition" "api" {
          family                   = "api"
          requires_compatibilities = ["FARGATE"]
          cpu                      = var.cpu
          memory                   = var.memory
        }
        """;

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 4096, false)]
    [InlineData(4096, 30720, true)]
    [InlineData(4096, 31744, false)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 17408, false)]
    [InlineData(16384, 40960, true)]
    [InlineData(300, 1024, false)]
    public void Valid_pairs_follow_the_fargate_table(int cpu, int memory, bool valid) => EcsFargateSizeRule.IsValid(cpu, memory).ShouldBe(valid);

    [Fact]
    public void Terraform_tfvars_override_variable_defaults()
    {
        Lint(("main.tf", Task)).ShouldBeEmpty();
        var finding = Lint(("main.tf", Task), ("terraform.tfvars", "memory = 8192\n")).ShouldHaveSingleItem();
        finding.Message.ShouldContain("cpu 512 with memory 8192");
        finding.Range.Line.ShouldBe(13);
    }

    [Fact]
    public void Auto_tfvars_apply_after_terraform_tfvars() =>
        Lint(("main.tf", Task), ("terraform.tfvars", "memory = 8192\n"), ("z.auto.tfvars", "memory = 2048\n")).ShouldBeEmpty();

    [Fact]
    public void A_var_file_applies_last()
    {
        var result = LintFiles.Run([Rule], [("main.tf", Task), ("terraform.tfvars", "memory = 2048\n")], new Berth.Linting.LintOptions());
        result.Findings.ShouldBeEmpty();
        using var dir = new Berth.Tests.Cli.TempDir();
        var varFile = dir.File("prod.tfvars", "cpu = 4096\n");
        LintFiles.Run([Rule], [("main.tf", Task)], new Berth.Linting.LintOptions { VarFiles = [varFile] }).Findings.ShouldHaveSingleItem();
    }

    [Fact]
    public void Values_from_a_module_call_for_each_are_checked_per_instance()
    {
        var findings = Lint(
            ("modules/task/main.tf", Task),
            ("main.tf", """
                locals {
                  sizes = {
                    small = { cpu = 256, memory = 512 }
                    odd   = { cpu = 1024, memory = 1024 }
                  }
                }

                module "task" {
                  source   = "./modules/task"
                  for_each = local.sizes
                  cpu      = each.value.cpu
                  memory   = each.value.memory
                }
                """));
        findings.ShouldHaveSingleItem().Address.ShouldBe("module.task[\"odd\"].aws_ecs_task_definition.api");
    }

    [Fact]
    public void Unknown_sizes_report_nothing() =>
        Lint(("main.tf", Task.Replace("default = 1024", "type = number"))).ShouldBeEmpty();
}
