using Berth.Cli;
using Berth.Cli.Infrastructure;
using Berth.Tests.Catalog;
using Berth.Tests.Support;

namespace Berth.Tests.Cli;

/// <summary>
/// Every command that writes a file goes through the one writer: it replaces only a regular file Berth wrote (or any
/// regular file with --force), never a folder, device, FIFO or a link out of the output's folder, and leaves no
/// temporary file behind. One test (or more) per output command.
/// </summary>
public sealed class OutputSafetyTests
{
    private static readonly string Startup = Path.Combine(RepoPaths.Examples, "startup.yaml");

    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public void Lint_write_baseline_never_replaces_a_spec_but_rewrites_its_own_baseline()
    {
        using var dir = new TempDir();
        dir.File("main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n");
        var spec = dir.File("berth.yaml", "version: 1\n");

        var refused = CliRunner.Run(dir.Path, "lint", ".", "--write-baseline", "berth.yaml");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("berth.yaml: already exists and is not a lint baseline Berth wrote; not overwritten (use --force to replace it)");
        File.ReadAllText(spec).ShouldBe("version: 1\n");

        CliRunner.Run(dir.Path, "lint", ".", "--write-baseline", "baseline.json").ExitCode.ShouldBeLessThan(2);
        CliRunner.Run(dir.Path, "lint", ".", "--write-baseline", "baseline.json").ExitCode.ShouldBeLessThan(2);
        File.ReadAllText(Path.Combine(dir.Path, "baseline.json")).ShouldStartWith("{\n  \"version\": 2,\n  \"findings\": [");

        CliRunner.Run(dir.Path, "lint", ".", "--write-baseline", "berth.yaml", "--force").ExitCode.ShouldBeLessThan(2);
        File.ReadAllText(spec).ShouldContain("\"findings\"");
        Directory.GetFiles(dir.Path, "*.berth-tmp").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lint", ".", "--write-baseline")]
    [InlineData("report", "SPEC", "-o")]
    [InlineData("init", null, "-o")]
    [InlineData("catalog", "build", "-o")]
    public void A_device_is_never_replaced_even_with_force(string command, string? argument, string option)
    {
        using var dir = new TempDir();
        List<string> args = [command];
        if (argument is not null)
        {
            args.Add(argument == "SPEC" ? Startup : argument);
        }

        args.AddRange([option, "/dev/null", "--force"]);

        var result = SpecialFiles.RunWithin(Quick, dir.Path, [.. args]);

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldContain("/dev/null: is a character device, not a regular file; Berth writes only regular files");
    }

    [Theory]
    [InlineData("report")]
    [InlineData("init")]
    [InlineData("lint")]
    [InlineData("cost")]
    public void A_fifo_as_the_output_is_refused_at_once(string command)
    {
        using var dir = new TempDir();
        dir.File("main.tf", "locals {}\n");
        var fifo = SpecialFiles.Fifo(dir.Path, command == "cost" ? "out.svg" : "out");
        string[] args = command switch
        {
            "report" => ["report", Startup, "-o", fifo, "--force"],
            "init" => ["init", "-o", fifo, "--force"],
            "lint" => ["lint", ".", "--write-baseline", fifo, "--force"],
            _ => ["cost", Startup, "--chart", fifo, "--force"],
        };

        var result = SpecialFiles.RunWithin(Quick, dir.Path, args);

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldContain(": is a named pipe (FIFO), not a regular file");
    }

    [Fact]
    public void A_chart_replaces_only_a_chart_berth_drew_unless_forced()
    {
        using var dir = new TempDir();
        var drawing = dir.File("mine.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\n");
        var logo = Path.Combine(dir.Path, "logo.png");
        File.WriteAllBytes(logo, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        foreach (var (file, before) in new[] { ("mine.svg", File.ReadAllBytes(drawing)), ("logo.png", File.ReadAllBytes(logo)) })
        {
            var refused = CliRunner.Run(dir.Path, "cost", Startup, "--chart", file);
            refused.ExitCode.ShouldBe(2);
            refused.Error.ShouldContain($"{file}: already exists and is not a chart Berth wrote; not overwritten (use --force to replace it)");
            File.ReadAllBytes(Path.Combine(dir.Path, file)).ShouldBe(before);
        }

        CliRunner.Run(dir.Path, "cost", Startup, "--chart", "berth.png").ExitCode.ShouldBe(0);
        CliRunner.Run(dir.Path, "cost", Startup, "--chart", "berth.png").ExitCode.ShouldBe(0, "a chart Berth drew is replaced");
        CliRunner.Run(dir.Path, "cost", Startup, "--chart", "mine.svg", "--force").ExitCode.ShouldBe(0);
        File.ReadAllText(drawing).ShouldContain(Berth.Reporting.Charts.ChartSignature.SvgComment);
    }

    [Fact]
    public void A_report_through_a_link_out_of_its_folder_is_refused_and_one_inside_is_followed()
    {
        using var outside = new TempDir();
        using var dir = new TempDir();
        var victim = outside.File("notes.html", "<p>mine</p>");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "out.html"), victim);

        var refused = CliRunner.Run(dir.Path, "report", Startup, "-o", "out.html", "--days", "1", "--force");

        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("out.html: is a link to " + victim + ", outside " + dir.Path);
        File.ReadAllText(victim).ShouldBe("<p>mine</p>");

        Directory.CreateDirectory(Path.Combine(dir.Path, "site"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "site", "latest.html"), "report.html");
        var followed = CliRunner.Run(dir.Path, "report", Startup, "-o", "site/latest.html", "--days", "1");
        followed.ExitCode.ShouldBe(0, followed.Error);
        File.ResolveLinkTarget(Path.Combine(dir.Path, "site", "latest.html"), false).ShouldNotBeNull("the link stays a link");
        File.ReadAllText(Path.Combine(dir.Path, "site", "report.html")).ShouldContain("<meta name=\"generator\" content=\"Berth ");
    }

    [Fact]
    public void Catalog_build_refuses_a_file_that_is_not_a_catalog_before_reading_the_facts()
    {
        using var dir = new TempDir();
        var mine = dir.File("prices.json", "{\"mine\": true}");

        var result = CliRunner.Run(dir.Path, "catalog", "build", "--from", "no-such-folder", "-o", "prices.json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("prices.json: already exists and is not a catalog Berth wrote; not overwritten (use --force to replace it)");
        File.ReadAllText(mine).ShouldBe("{\"mine\": true}");
    }

    [Fact]
    public void Catalog_update_keeps_the_previous_catalog_and_writes_both_through_the_writer()
    {
        using var dir = new TempDir();
        var offers = Path.Combine(AwsPriceListImporterTests.Fixtures, "offers");
        CliRunner.Run(dir.Path, "catalog", "update", "--from", offers).ExitCode.ShouldBe(0);
        var first = File.ReadAllText(Path.Combine(dir.Path, "berth-catalog.json"));

        var second = CliRunner.Run(dir.Path, "catalog", "update", "--from", offers);

        second.ExitCode.ShouldBe(0, second.Error);
        File.ReadAllText(Path.Combine(dir.Path, "berth-catalog.json.previous")).ShouldBe(first);
        Directory.GetFiles(dir.Path, "*.berth-tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_catalog_update_waits_for_another_one_to_finish()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "berth-catalog.json");
        var held = FileLock.Acquire("berth-catalog.json", target, TimeSpan.Zero);
        var release = Task.Delay(TimeSpan.FromMilliseconds(500)).ContinueWith(_ => held.Dispose(), TaskScheduler.Default);

        var result = CliRunner.Run(dir.Path, "catalog", "update", "--from", Path.Combine(AwsPriceListImporterTests.Fixtures, "offers"));

        await release;
        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Fact]
    public void A_lock_held_too_long_is_refused_with_a_sentence()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "berth-catalog.json");
        using var held = FileLock.Acquire("berth-catalog.json", target, TimeSpan.Zero);

        var e = Should.Throw<UserErrorException>(() => FileLock.Acquire("berth-catalog.json", target, TimeSpan.FromMilliseconds(200)));

        e.Message.ShouldStartWith("berth-catalog.json: another berth run is updating it");
        e.Message.ShouldContain("try again when that run has finished");
    }

    [Fact]
    public void Init_writes_the_spec_only_where_nothing_is_and_never_reads_a_fifo_schema()
    {
        using var dir = new TempDir();
        SpecialFiles.Fifo(dir.Path, "berth.schema.json");

        var result = SpecialFiles.RunWithin(Quick, dir.Path, "init");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("left the existing berth.schema.json as it is");
    }

    [Fact]
    public void Generate_refuses_a_fifo_and_a_link_out_of_the_output_folder_before_writing_anything()
    {
        using var outside = new TempDir();
        using var dir = new TempDir();
        var outDir = Path.Combine(dir.Path, "out");
        SpecialFiles.Fifo(outDir, "main.tf");

        var fifo = SpecialFiles.RunWithin(Quick, dir.Path, "generate", "ecs", Startup, "-o", "out");

        fifo.ExitCode.ShouldBe(2, fifo.Error);
        fifo.Error.ShouldContain("out/main.tf: is a named pipe (FIFO), not a regular file");
        Directory.GetFiles(outDir).Length.ShouldBe(1, "nothing else was written");

        File.Delete(Path.Combine(outDir, "main.tf"));
        Directory.CreateSymbolicLink(Path.Combine(outDir, "modules"), outside.Path);
        var link = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out");

        link.ExitCode.ShouldBe(2, link.Error);
        link.Error.ShouldContain("its folder is a link to " + outside.Path);
        Directory.GetFileSystemEntries(outside.Path).ShouldBeEmpty();
    }

    [Fact]
    public void An_output_under_a_file_or_in_a_read_only_folder_is_exit_2_with_what_to_do()
    {
        using var dir = new TempDir();
        dir.File("file", "x");

        var underFile = CliRunner.Run(dir.Path, "init", "-o", "file/berth.yaml");
        underFile.ExitCode.ShouldBe(2, underFile.Error);
        underFile.Error.ShouldContain("file/berth.yaml: cannot be written: " + Path.Combine(dir.Path, "file") + " is a regular file, not a folder");

        var locked = Path.Combine(dir.Path, "locked");
        Directory.CreateDirectory(locked);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var readOnly = CliRunner.Run(dir.Path, "report", Startup, "-o", "locked/r.html", "--days", "1");
            if (Environment.UserName != "root")
            {
                readOnly.ExitCode.ShouldBe(2, readOnly.Error);
                readOnly.Error.ShouldContain("locked/r.html: cannot be written: permission denied");
            }
            else
            {
                readOnly.ExitCode.ShouldBe(0, "root writes anywhere");
            }
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_full_stdout_is_exit_2_not_an_internal_error()
    {
        using var full = new StreamWriter(new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0)) { AutoFlush = true };
        using var stderr = new StringWriter();

        var code = BerthApp.Run(["schema"], full, stderr);

        code.ShouldBe(2, stderr.ToString());
        stderr.ToString().ShouldBe("berth: error: cannot write to standard output: no space left on the device; free some space or write elsewhere\n");
    }

    [Fact]
    public void A_closed_stdout_is_exit_2_with_a_sentence()
    {
        using var dir = new TempDir();

        var result = CliProcess.RunShell(dir.Path, TimeSpan.FromSeconds(60), 512L << 20, ">&-", "validate", Startup);

        result.TimedOut.ShouldBeFalse();
        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldBe("berth: error: cannot write to standard output: it is closed; run berth with its output going to a file or a terminal\n");
    }
}
