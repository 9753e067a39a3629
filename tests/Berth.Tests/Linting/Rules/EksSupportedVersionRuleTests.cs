using Berth.Linting.Rules;
using Berth.Linting.Terraform;

namespace Berth.Tests.Linting.Rules;

public sealed class EksSupportedVersionRuleTests : RuleTests<EksSupportedVersionRule>
{
    [Fact]
    public void The_data_names_its_date_and_source_and_its_windows_are_ordered()
    {
        var data = EksVersions.Embedded;
        data.Source.ShouldContain("docs.aws.amazon.com");
        data.Versions.Count.ShouldBeGreaterThan(5);
        foreach (var v in data.Versions)
        {
            v.Released.ShouldBeLessThan(v.EndOfStandardSupport, v.Version);
            v.EndOfStandardSupport.ShouldBeLessThan(v.EndOfExtendedSupport, v.Version);
        }

        data.Supported.ShouldNotBeEmpty();
        Rule.Why.ShouldContain(data.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Support_is_judged_as_of_the_data_date()
    {
        var data = EksVersions.Parse("""
            { "asOf": "2025-06-01", "source": "test", "versions": [
              { "version": "1.33", "released": "2025-05-29", "endOfStandardSupport": "2026-07-29", "endOfExtendedSupport": "2027-07-29" },
              { "version": "1.29", "released": "2024-01-23", "endOfStandardSupport": "2025-03-23", "endOfExtendedSupport": "2026-03-23" },
              { "version": "1.27", "released": "2023-05-24", "endOfStandardSupport": "2024-07-24", "endOfExtendedSupport": "2025-05-24" } ] }
            """);
        data.Support("1.33").ShouldBe(EksSupport.Standard);
        data.Support("1.29").ShouldBe(EksSupport.Extended);
        data.Support("1.27").ShouldBe(EksSupport.Ended);
        data.Support("1.21").ShouldBe(EksSupport.Ended);
        data.Support("1.40").ShouldBe(EksSupport.NotListed);
    }

    [Fact]
    public void Tfvars_and_module_inputs_decide_it_and_unknown_is_a_note()
    {
        const string module = """
            variable "kubernetes_version" {
              type = string
            }

            resource "aws_eks_cluster" "this" {
              name     = "main"
              version  = var.kubernetes_version
              role_arn = "arn:aws:iam::123456789012:role/eks"
            }
            """;
        Lint(("main.tf", module), ("terraform.tfvars", "kubernetes_version = \"1.24\"\n")).ShouldHaveSingleItem().Message.ShouldContain("out of support");
        Lint(("main.tf", module), ("terraform.tfvars", "kubernetes_version = \"1.33\"\n")).ShouldBeEmpty();
        Lint(("modules/eks/main.tf", module), ("main.tf", "module \"eks\" {\n  source             = \"./modules/eks\"\n  kubernetes_version = \"1.30\"\n}\n"))
            .ShouldHaveSingleItem().Message.ShouldContain("extended support");
        Notes(("main.tf", module)).ShouldHaveSingleItem().Message.ShouldContain("var.kubernetes_version has no default");
        // The note names the variable wherever it sits in the expression: inside a tuple, an index, a conditional.
        Notes(("main.tf", module.Replace("var.kubernetes_version", "[var.kubernetes_version][0]", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldContain("var.kubernetes_version has no default");
        Notes(("main.tf", module.Replace("var.kubernetes_version", "!false ? var.kubernetes_version : \"1.33\"", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldContain("var.kubernetes_version has no default");
    }
}
