using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksPublicEndpointRuleTests : RuleTests<EksPublicEndpointRule>
{
    private const string Cluster = """
        resource "aws_eks_cluster" "main" {
          name = "main"
          vpc_config {
            subnet_ids             = ["subnet-a"]
            endpoint_public_access = data.aws_ssm_parameter.public.value == "true"
          }
        }
        """;

    [Fact]
    public void A_value_from_a_data_source_is_a_note_that_says_so()
    {
        Lint(("main.tf", Cluster)).ShouldBeEmpty();
        Notes(("main.tf", Cluster)).ShouldHaveSingleItem().Message.ShouldContain("data source (data.aws_ssm_parameter");
    }

    [Fact]
    public void A_local_decides_it() =>
        Lint(("main.tf", """
            locals {
              public = true
            }

            resource "aws_eks_cluster" "main" {
              name = "main"
              vpc_config {
                endpoint_public_access = local.public
              }
            }
            """)).ShouldHaveSingleItem();
}
