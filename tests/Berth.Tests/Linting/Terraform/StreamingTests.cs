using Berth.Linting.Terraform;
using Berth.Tests.Cli;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting.Terraform;

/// <summary>
/// The linter streams the roots (each root parsed, expanded and checked, then let go); <c>berth import</c> loads them
/// all. Both must read the same files, report the same problems and expand the same resources.
/// </summary>
public sealed class StreamingTests
{
    private static readonly (string Path, string Content)[] Platform =
    [
        // Two roots share a module; the module has a syntax error (reported once, not once per root).
        ("envs/prod/main.tf", """
            module "app" {
              source = "../../modules/app"
              name   = var.name
            }

            variable "name" {
              type = string
            }
            """),
        ("envs/prod/terraform.tfvars", "name = \"prod\"\n"),
        ("envs/staging/main.tf", """
            module "app" {
              source = "../../modules/app"
              name   = "staging"
            }

            # The old module is called with count = 0: it has no instance, but its files are read.
            module "legacy" {
              count  = 0
              source = "../../modules/legacy"
            }
            """),
        ("modules/app/main.tf", """
            variable "name" {
              type = string
            }

            resource "aws_ecs_cluster" "this" {
              name = var.name
            }

            resource "aws_sqs_queue" "broken" {
              name = = "x"
            }
            """),
        ("modules/legacy/main.tf", """
            resource "aws_s3_bucket" "old" {
              bucket = "old" "extra"
            }
            """),
        // Two folders that call each other: neither is a root, so no root reaches them, but they were scanned and
        // their problems are reported.
        ("modules/cycle_a/main.tf", """
            module "b" {
              source = "../cycle_b"
            }
            """),
        ("modules/cycle_a/queue.tf", """
            resource "aws_sqs_queue" "a" {
              name = "a" "b"
            }
            """),
        ("modules/cycle_b/main.tf", """
            module "a" {
              source = "../cycle_a"
            }
            """),
        ("tools/main.tf", """
            # berth:ignore BERTH-ECS-008 reason="a scratch cluster"
            resource "aws_ecs_cluster" "scratch" {
              name = "scratch"
            }
            """),
    ];

    [Fact]
    public void Streaming_reads_the_files_problems_and_resources_that_loading_reads()
    {
        using var dir = new TempDir();
        LintFiles.Write(dir.Path, Platform);
        var dirs = new[] { "envs/prod", "envs/staging", "modules/app", "modules/cycle_a", "modules/cycle_b", "modules/legacy", "tools" }.Select(d => Path.Combine(dir.Path, d)).ToList();

        var loaded = TerraformProject.Load(dir.Path, dirs, []);
        var streamed = new System.Collections.Concurrent.ConcurrentDictionary<int, List<string>>();
        var stream = TerraformProject.Stream(dir.Path, dirs, [], (i, resources, calls) => streamed[i] = resources.Select(r => r.Address).ToList());

        loaded.Roots.Select(r => Path.GetRelativePath(dir.Path, r)).ShouldBe(["envs/prod", "envs/staging", "tools"]);
        stream.Roots.ShouldBe(loaded.Roots);
        streamed.Keys.Order().ShouldBe([0, 1, 2]);
        streamed.OrderBy(s => s.Key).SelectMany(s => s.Value).ShouldBe(loaded.Resources.Select(r => r.Address));
        streamed[0].ShouldBe(["module.app.aws_ecs_cluster.this", "module.app.aws_sqs_queue.broken"]);

        // Every file read (the tfvars and the unexpanded legacy module among them), each problem once.
        stream.FileCount.ShouldBe(9);
        stream.FileCount.ShouldBe(loaded.FileCount);
        stream.Diagnostics.ShouldBe(loaded.Diagnostics);
        stream.Diagnostics.Select(d => Path.GetRelativePath(dir.Path, d.Range.File)).Distinct().ShouldBe(["modules/app/main.tf", "modules/cycle_a/queue.tf", "modules/legacy/main.tf"]);
        stream.Diagnostics.ShouldBeUnique();
        stream.WithoutSuppressions.Order(StringComparer.Ordinal).ShouldBe(loaded.WithoutSuppressions.Order(StringComparer.Ordinal));
        stream.WithoutSuppressions.ShouldNotContain(Path.Combine(dir.Path, "tools", "main.tf"));

        // Nothing of the trees is kept.
        stream.Resources.ShouldBeEmpty();
    }

    [Fact]
    public void The_linter_checks_each_root_of_a_shared_module_and_names_its_root()
    {
        var result = LintFiles.Run(null, Platform);
        var clusters = result.Findings.Where(f => f.Address == "module.app.aws_ecs_cluster.this" && f.RuleId == "BERTH-ECS-008").ToList();
        clusters.Select(f => Path.GetFileName(f.Root)).Order(StringComparer.Ordinal).ShouldBe(["prod", "staging"]);
        result.FilesScanned.ShouldBe(9);
        result.Diagnostics.ShouldBeUnique();
        result.Diagnostics.Where(d => d.Range.File.EndsWith(Path.Combine("modules", "app", "main.tf"), StringComparison.Ordinal)).Select(d => d.Range.Line).Distinct().ShouldBe([10]);
        result.Diagnostics.Where(d => d.Range.File.EndsWith(Path.Combine("modules", "legacy", "main.tf"), StringComparison.Ordinal)).ShouldNotBeEmpty();
        result.Diagnostics.Where(d => d.Range.File.EndsWith(Path.Combine("modules", "cycle_a", "queue.tf"), StringComparison.Ordinal)).ShouldNotBeEmpty();
    }
}
