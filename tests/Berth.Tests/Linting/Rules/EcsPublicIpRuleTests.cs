using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsPublicIpRuleTests : RuleTests<EcsPublicIpRule>
{
    private const string Module = """
        variable "public_ip" {
          type = bool
        }

        resource "aws_ecs_service" "this" {
          name = "api"
          network_configuration {
            subnets          = ["subnet-a"]
            assign_public_ip = var.public_ip
          }
        }
        """;

    [Fact]
    public void A_module_input_decides_it_per_instance()
    {
        var findings = Lint(("modules/svc/main.tf", Module), ("main.tf", """
            module "svc" {
              source    = "./modules/svc"
              for_each  = { public = true, private = false }
              public_ip = each.value
            }
            """));
        findings.ShouldHaveSingleItem().Address.ShouldBe("module.svc[\"public\"].aws_ecs_service.this");
    }

    [Fact]
    public void An_unknown_value_is_a_note_never_a_guess()
    {
        Lint(("main.tf", Module)).ShouldBeEmpty();
        var note = Notes(("main.tf", Module)).ShouldHaveSingleItem();
        note.Message.ShouldContain("var.public_ip has no default");
        note.Range.Line.ShouldBe(9);
    }
}
