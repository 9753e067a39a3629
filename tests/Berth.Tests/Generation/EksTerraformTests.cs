using Berth.Tests.Cli;

namespace Berth.Tests.Generation;

/// <summary>Generates the three examples for EKS once (through the CLI, headers included).</summary>
public sealed class EksExamplesFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public EksExamplesFixture()
    {
        foreach (var example in EcsExamplesFixture.Examples)
        {
            var result = CliRunner.InRepo("generate", "eks", $"examples/{example}.yaml", "-o", Path.Combine(_dir.Path, example));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"generate eks {example}: exit {result.ExitCode}: {result.Error}");
            }
        }
    }

    public string Root(string example, string folder) => Path.Combine(_dir.Path, example, folder);

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// terraform/ and bootstrap/ are formatted as terraform fmt formats them; terraform/ validates offline. bootstrap/
/// needs the Helm provider, which is not available offline, so it is only format-checked.
/// </summary>
public sealed class EksTerraformTests(EksExamplesFixture fixture) : IClassFixture<EksExamplesFixture>
{
    public static TheoryData<string> Examples => new(EcsExamplesFixture.Examples);

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Both_roots_are_terraform_fmt_clean(string example)
    {
        Terraform.RequireBinary();
        foreach (var folder in new[] { "terraform", "bootstrap" })
        {
            var (code, output) = Terraform.Run(fixture.Root(example, folder), "fmt", "-check", "-recursive", "-no-color");
            code.ShouldBe(0, $"{folder}: terraform fmt -check lists files it would change:\n{output}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void The_cluster_root_validates_offline(string example)
    {
        var pluginDir = Terraform.RequirePluginDir();
        var root = fixture.Root(example, "terraform");
        var (init, initOutput) = Terraform.Run(root, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + pluginDir);
        init.ShouldBe(0, initOutput);
        var (code, output) = Terraform.Run(root, "validate", "-no-color");
        code.ShouldBe(0, output);
        output.ShouldContain("The configuration is valid");
    }
}
