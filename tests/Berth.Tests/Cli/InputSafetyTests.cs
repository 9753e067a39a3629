using Berth.Tests.Catalog;
using Berth.Tests.Support;

namespace Berth.Tests.Cli;

/// <summary>
/// Only regular files are read as inputs, and their size is checked before reading: a FIFO (which would block), a
/// device such as /dev/zero (which never ends) or an oversized file is exit 2 naming it — or, for a file found while
/// linting a folder, a warning naming it while the rest is linted.
/// </summary>
public sealed class InputSafetyTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/dev/urandom", "is a character device, not a regular file")]
    [InlineData("FIFO", "is a named pipe (FIFO), not a regular file")]
    public void A_spec_that_is_not_a_regular_file_is_refused_before_it_is_read(string path, string said)
    {
        using var dir = new TempDir();
        var spec = path == "FIFO" ? SpecialFiles.Fifo(dir.Path, "berth.yaml") : path;

        foreach (var command in new[] { "validate", "assess", "cost" })
        {
            var result = SpecialFiles.RunWithin(Quick, dir.Path, command, spec);

            result.ExitCode.ShouldBe(2, result.Error);
            result.Error.ShouldBe($"{spec}: error: {said}; Berth reads only regular files\n");
        }
    }

    [Fact]
    public void A_catalog_named_by_the_spec_must_be_a_regular_file()
    {
        using var dir = new TempDir();
        SpecialFiles.Fifo(dir.Path, "prices.json");
        dir.File("berth.yaml", "version: 1\nname: t\nservices:\n  - name: a\npricing:\n  catalog: prices.json\n");

        var result = SpecialFiles.RunWithin(Quick, dir.Path, "validate", "berth.yaml");

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldBe("berth.yaml:6:12: error: pricing.catalog: 'prices.json' is a named pipe (FIFO), not a regular file; expected 'embedded' or the path of a catalog file\n");
    }

    [Theory]
    [InlineData("show", "--catalog")]
    [InlineData("diff", "--against")]
    public void Catalog_inputs_must_be_regular_files(string command, string option)
    {
        using var dir = new TempDir();
        var fifo = SpecialFiles.Fifo(dir.Path, "c.json");

        string[] catalog = command == "diff" ? ["--catalog", "embedded"] : [];
        var device = SpecialFiles.RunWithin(Quick, dir.Path, ["catalog", command, option, "/dev/zero", .. catalog]);
        var pipe = SpecialFiles.RunWithin(Quick, dir.Path, ["catalog", command, option, fifo, .. catalog]);

        device.ExitCode.ShouldBe(2, device.Error);
        device.Error.ShouldContain("/dev/zero: is a character device, not a regular file");
        pipe.ExitCode.ShouldBe(2, pipe.Error);
        pipe.Error.ShouldContain("c.json: is a named pipe (FIFO), not a regular file");
    }

    [Fact]
    public void A_price_list_folder_holding_a_fifo_is_refused_naming_it()
    {
        using var dir = new TempDir();
        var offers = Path.Combine(dir.Path, "offers");
        foreach (var file in Directory.GetFiles(Path.Combine(AwsPriceListImporterTests.Fixtures, "offers"), "*.json", SearchOption.AllDirectories))
        {
            var to = Path.Combine(offers, Path.GetRelativePath(Path.Combine(AwsPriceListImporterTests.Fixtures, "offers"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var fifo = SpecialFiles.Fifo(offers, "zz-pipe.json");

        var result = SpecialFiles.RunWithin(Quick, dir.Path, "catalog", "update", "--from", "offers");

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldContain(fifo + ": is a named pipe (FIFO), not a regular file");
        File.Exists(Path.Combine(dir.Path, "berth-catalog.json")).ShouldBeFalse();
    }

    [Fact]
    public void Lint_refuses_a_fifo_given_by_name_and_warns_about_one_found_in_a_folder()
    {
        using var dir = new TempDir();
        dir.File("main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n");
        SpecialFiles.Fifo(dir.Path, "pipe.tf");
        SpecialFiles.Fifo(dir.Path, "pipe.yaml");
        SpecialFiles.Fifo(dir.Path, "terraform.tfvars");

        var named = SpecialFiles.RunWithin(Quick, dir.Path, "lint", "pipe.tf");
        var varFile = SpecialFiles.RunWithin(Quick, dir.Path, "lint", ".", "--var-file", "pipe.yaml");
        var baseline = SpecialFiles.RunWithin(Quick, dir.Path, "lint", ".", "--baseline", "/dev/zero");
        var folder = SpecialFiles.RunWithin(Quick, dir.Path, "lint", ".");
        var report = SpecialFiles.RunWithin(Quick, dir.Path, "report", Path.Combine(RepoPaths.Examples, "startup.yaml"), "--lint", "pipe.tf");

        named.ExitCode.ShouldBe(2);
        named.Error.ShouldBe("berth: error: pipe.tf: is a named pipe (FIFO), not a regular file or a folder; Berth reads only regular files\n");
        varFile.ExitCode.ShouldBe(2);
        varFile.Error.ShouldContain("--var-file: pipe.yaml: is a named pipe (FIFO), not a regular file");
        baseline.ExitCode.ShouldBe(2);
        baseline.Error.ShouldContain("/dev/zero: is a character device, not a regular file");
        report.ExitCode.ShouldBe(2);
        report.Error.ShouldContain("--lint: pipe.tf: is a named pipe (FIFO)");

        folder.ExitCode.ShouldBeLessThan(2, folder.Error);
        folder.Error.ShouldContain("pipe.tf:1:1: cannot read the file: is a named pipe (FIFO), not a regular file");
        folder.Error.ShouldContain("pipe.yaml:1:1: cannot read the file: is a named pipe (FIFO), not a regular file");
        folder.Error.ShouldContain("terraform.tfvars:1:1: cannot read the file: is a named pipe (FIFO), not a regular file");
        folder.Out.ShouldContain("main.tf");
    }

    [Fact]
    public void File_of_a_fifo_or_a_link_to_a_device_is_an_unknown_value_not_a_hang()
    {
        using var dir = new TempDir();
        SpecialFiles.Fifo(dir.Path, "policy.json");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.json"), "/dev/zero");
        dir.File("main.tf", """
            locals {
              a = file("${path.module}/policy.json")
              b = file("${path.module}/zero.json")
            }

            resource "aws_ecs_service" "api" {
              name = "${local.a}${local.b}"
            }
            """);

        var result = SpecialFiles.RunWithin(Quick, dir.Path, "lint", ".");

        result.ExitCode.ShouldBeLessThan(2, result.Error);
    }

    [Fact]
    public void A_terraform_file_over_the_limit_is_a_warning_naming_it_and_the_rest_is_linted()
    {
        using var dir = new TempDir();
        dir.File("main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n");
        var big = Path.Combine(dir.Path, "big.tf");
        using (var stream = File.Create(big))
        {
            stream.SetLength(Berth.Linting.LintLimits.MaxFileBytes + 1);
        }

        var result = SpecialFiles.RunWithin(Quick, dir.Path, "lint", ".");

        result.ExitCode.ShouldBeLessThan(2, result.Error);
        result.Error.ShouldContain("big.tf:1:1: cannot read the file: is 8 MiB; Berth reads at most 8 MiB from a file of this kind");
        result.Out.ShouldContain("main.tf");
    }
}
