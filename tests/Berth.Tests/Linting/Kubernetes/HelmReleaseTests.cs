using Berth.Tests.Cli;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting.Kubernetes;

/// <summary>A helm_release's objects come from its chart's templates, which Berth does not render: it says so.</summary>
public sealed class HelmReleaseTests
{
    private const string Releases = """
        resource "helm_release" "karpenter" {
          count      = 2
          name       = "karpenter"
          repository = "oci://public.ecr.aws/karpenter"
          chart      = "karpenter"
          values     = [yamlencode({ settings = { clusterName = "platform" } })]
        }

        variable "chart" {
          type = string
        }

        resource "helm_release" "app" {
          name  = "app"
          chart = var.chart
        }
        """;

    [Fact]
    public void Each_release_block_is_named_once_in_a_warning()
    {
        var result = LintFiles.Run(Berth.Linting.RuleRegistry.All, [("main.tf", Releases)]);
        result.Diagnostics.Select(d => (d.Range.Line, d.Message)).ShouldBe([
            (1, "helm_release.karpenter[0]: chart karpenter is not rendered, so the Kubernetes objects it installs (its values included) are not checked (lint the output of helm template instead)"),
            (13, "helm_release.app: its chart is not rendered, so the Kubernetes objects it installs (its values included) are not checked (lint the output of helm template instead)"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Import_reads_a_tree_with_a_release_without_calling_it_an_error()
    {
        using var dir = new TempDir();
        LintFiles.Write(dir.Path, [
            ("infra/main.tf", Releases),
            ("infra/ecs.tf", "resource \"aws_ecs_cluster\" \"main\" {\n  name = \"main\"\n}\n\nresource \"aws_ecs_service\" \"api\" {\n  name    = \"api\"\n  cluster = aws_ecs_cluster.main.id\n}\n"),
        ]);
        var run = CliRunner.Run(dir.Path, "import", "infra", "-o", "berth.yaml");
        run.Error.ShouldNotContain("helm_release");
        run.ExitCode.ShouldBe(0, run.Error);
    }
}
