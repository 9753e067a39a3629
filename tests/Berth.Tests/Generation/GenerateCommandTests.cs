using Berth.Tests.Cli;

namespace Berth.Tests.Generation;

public sealed class GenerateCommandTests
{
    private static readonly string Startup = Path.Combine(RepoPaths.Examples, "startup.yaml");

    [Fact]
    public void Every_file_carries_a_header_with_its_hash_and_a_second_run_writes_nothing()
    {
        using var dir = new TempDir();
        var first = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out");
        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("create    out/modules/ecs-platform/services.tf");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir.Path, "out"), "*", SearchOption.AllDirectories))
        {
            var head = File.ReadLines(file).First();
            head.ShouldMatch(file.EndsWith(".md", StringComparison.Ordinal)
                ? "^<!-- berth:generated sha256=[0-9a-f]{64} -->$"
                : "^# berth:generated sha256=[0-9a-f]{64}$");
        }

        var second = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out");
        second.ExitCode.ShouldBe(0);
        second.Out.ShouldBe("0 created, 0 updated, 17 unchanged\n");
    }

    [Fact]
    public void An_edited_file_is_left_in_place_without_force_and_the_run_exits_2()
    {
        using var dir = new TempDir();
        CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out").ExitCode.ShouldBe(0);
        var edited = Path.Combine(dir.Path, "out", "main.tf");
        var deleted = Path.Combine(dir.Path, "out", "outputs.tf");
        File.AppendAllText(edited, "# my change\n");
        File.Delete(deleted);

        var dry = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out", "--dry-run");
        dry.ExitCode.ShouldBe(0);
        dry.Out.ShouldContain("conflict  out/main.tf");
        dry.Out.ShouldContain("create    out/outputs.tf");
        dry.Out.ShouldContain("unchanged out/versions.tf");
        File.Exists(deleted).ShouldBeFalse("a dry run writes nothing");

        var refused = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("out/main.tf: edited since Berth generated it");
        File.ReadAllText(edited).ShouldEndWith("# my change\n");
        File.Exists(deleted).ShouldBeFalse("nothing is written while a file is in conflict");

        var forced = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out", "--force");
        forced.ExitCode.ShouldBe(0, forced.Error);
        forced.Out.ShouldContain("update    out/main.tf");
        File.ReadAllText(edited).ShouldNotContain("# my change");
        File.Exists(deleted).ShouldBeTrue();
        Directory.EnumerateFiles(Path.Combine(dir.Path, "out"), "*.berth-tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void A_file_berth_did_not_write_is_a_conflict_too()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        File.WriteAllText(Path.Combine(dir.Path, "out", "main.tf"), "# hand-written\n");
        var result = CliRunner.Run(dir.Path, "generate", "ecs", Startup, "-o", "out");
        result.ExitCode.ShouldBe(2);
        File.ReadAllText(Path.Combine(dir.Path, "out", "main.tf")).ShouldBe("# hand-written\n");
    }

    [Fact]
    public void The_output_folder_is_required()
    {
        var result = CliRunner.InRepo("generate", "ecs", "examples/startup.yaml");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--output");
    }

    [Fact]
    public void A_bad_spec_exits_2_naming_the_file()
    {
        using var dir = new TempDir();
        dir.File("bad.yaml", "version: 1\nname: x\nservices: []\nbogus: 1\n");
        var result = CliRunner.Run(dir.Path, "generate", "ecs", "bad.yaml", "-o", "out");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("bad.yaml");
        Directory.Exists(Path.Combine(dir.Path, "out")).ShouldBeFalse();
    }
}

public sealed class GenerateEksCommandTests
{
    [Fact]
    public void Eks_output_uses_the_domain_and_repository_given_and_is_stable_on_a_second_run()
    {
        using var dir = new TempDir();
        string[] args = ["generate", "eks", Path.Combine(RepoPaths.Examples, "startup.yaml"), "-o", "out", "--domain", "corp.example", "--git-repo", "https://git.example.org/invoicing.git"];
        var first = CliRunner.Run(dir.Path, args);
        first.ExitCode.ShouldBe(0, first.Error);
        File.ReadAllText(Path.Combine(dir.Path, "out", "k8s", "web", "ingress.yaml")).ShouldContain("host: web.corp.example");
        File.ReadAllText(Path.Combine(dir.Path, "out", "argocd", "application-web.yaml")).ShouldContain("repoURL: \"https://git.example.org/invoicing.git\"");

        var second = CliRunner.Run(dir.Path, args);
        second.ExitCode.ShouldBe(0);
        var files = Berth.Generation.Eks.EksGenerator.Generate(EcsGoldenTests.Load("startup")).Count;
        second.Out.ShouldEndWith($"0 created, 0 updated, {files} unchanged\n");

        var deployment = Path.Combine(dir.Path, "out", "k8s", "web", "deployment.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("revisionHistoryLimit: 5", "revisionHistoryLimit: 9", StringComparison.Ordinal));
        var refused = CliRunner.Run(dir.Path, args);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("out/k8s/web/deployment.yaml: edited");
        File.ReadAllText(deployment).ShouldContain("revisionHistoryLimit: 9");
    }
}
