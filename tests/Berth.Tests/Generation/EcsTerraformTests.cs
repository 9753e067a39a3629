using Berth.Tests.Cli;

namespace Berth.Tests.Generation;

/// <summary>Generates the three examples once (through the CLI, headers included) for the terraform checks.</summary>
public sealed class EcsExamplesFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public EcsExamplesFixture()
    {
        foreach (var example in Examples)
        {
            var result = CliRunner.InRepo("generate", "ecs", $"examples/{example}.yaml", "-o", Path.Combine(_dir.Path, example));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"generate ecs {example}: exit {result.ExitCode}: {result.Error}");
            }
        }
    }

    public static IReadOnlyList<string> Examples { get; } = ["multi-client", "platform", "startup"];

    public string Root(string example) => Path.Combine(_dir.Path, example);

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// The generated Terraform as terraform itself sees it: formatted, valid against hashicorp/aws 5.100 offline, and
/// (one root) planned against a mocked provider by its generated terraform test. Slow (seconds per root), so few.
/// </summary>
public sealed class EcsTerraformTests(EcsExamplesFixture fixture) : IClassFixture<EcsExamplesFixture>
{
    public static TheoryData<string> Examples => new(EcsExamplesFixture.Examples);

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Every_generated_root_is_terraform_fmt_clean(string example)
    {
        Terraform.RequireBinary();
        var (code, output) = Terraform.Run(fixture.Root(example), "fmt", "-check", "-recursive", "-no-color");
        code.ShouldBe(0, "terraform fmt -check lists files it would change:\n" + output);
    }

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Every_generated_root_validates_offline(string example)
    {
        var root = Init(example);
        var (code, output) = Terraform.Run(root, "validate", "-no-color");
        code.ShouldBe(0, output);
        output.ShouldContain("The configuration is valid");
    }

    [SkippableFact]
    public void The_generated_terraform_test_plans_every_client_and_its_assertions_pass()
    {
        var root = Init("multi-client");
        var (code, output) = Terraform.Run(root, "test", "-no-color");
        code.ShouldBe(0, output);
        output.ShouldContain("1 passed, 0 failed");
    }

    private string Init(string example)
    {
        var pluginDir = Terraform.RequirePluginDir();
        var root = fixture.Root(example);
        lock (fixture)
        {
            if (!Directory.Exists(Path.Combine(root, ".terraform")))
            {
                var (code, output) = Terraform.Run(root, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + pluginDir);
                code.ShouldBe(0, output);
            }
        }

        return root;
    }
}
