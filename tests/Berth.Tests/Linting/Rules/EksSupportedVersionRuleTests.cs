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
    public void Support_is_judged_on_the_lint_day_and_an_old_calendar_leaves_a_note()
    {
        const string cluster = """
            resource "aws_eks_cluster" "main" {
              name     = "main"
              version  = "1.33"
              role_arn = "arn:aws:iam::123456789012:role/eks"
            }
            """;
        var options = (string day) => new Berth.Linting.LintOptions { Today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) };
        LintFiles.Run([Rule], [("main.tf", cluster)], options("2026-07-28")).Findings.ShouldBeEmpty();
        var finding = LintFiles.Run([Rule], [("main.tf", cluster)], options("2026-11-29")).Findings.ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-EKS-012", 3, 3));
        finding.Message.ShouldBe("aws_eks_cluster.main: Kubernetes 1.33 is in extended support as of 2026-11-29 ($0.60/h; standard support ended 2026-07-29, extended ends 2027-07-29); supported: 1.35, 1.34");

        var late = LintFiles.Run([Rule], [("main.tf", cluster)], options("2027-06-01")).Findings;
        late.Count.ShouldBe(2);
        late.Single(f => f.IsNote).Message.ShouldBe("aws_eks_cluster.main: the EKS release calendar Berth carries is from 2026-04-24, 403 days before 2027-06-01: versions and dates AWS published since are not known (update Berth)");
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
        Lint(("main.tf", module), ("terraform.tfvars", "kubernetes_version = \"1.35\"\n")).ShouldBeEmpty();
        Lint(("modules/eks/main.tf", module), ("main.tf", "module \"eks\" {\n  source             = \"./modules/eks\"\n  kubernetes_version = \"1.32\"\n}\n"))
            .ShouldHaveSingleItem().Message.ShouldContain("extended support");
        Notes(("main.tf", module)).ShouldHaveSingleItem().Message.ShouldContain("var.kubernetes_version has no default");
        // The note names the variable wherever it sits in the expression: inside a tuple, an index, a conditional.
        Notes(("main.tf", module.Replace("var.kubernetes_version", "[var.kubernetes_version][0]", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldContain("var.kubernetes_version has no default");
        Notes(("main.tf", module.Replace("var.kubernetes_version", "!false ? var.kubernetes_version : \"1.33\"", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldContain("var.kubernetes_version has no default");
    }
}
