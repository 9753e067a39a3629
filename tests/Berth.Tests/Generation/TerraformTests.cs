using System.Globalization;
using System.Text;
using Berth.Generation.Ecs;
using Berth.Tests.Cli;

namespace Berth.Tests.Generation;

/// <summary>
/// The specs every generator test runs on: the three examples, and the test specs under Generation/Specs/ that cover
/// what no example has (queue-workers: SQS consumers that autoscale, one from zero, and a Kafka consumer).
/// </summary>
public static class ExampleSpecs
{
    public static IReadOnlyList<string> Names { get; } = ["multi-client", "platform", "queue-workers", "startup"];

    private static readonly string[] TestSpecs = ["queue-workers"];

    /// <summary>The spec's path from the repository root.</summary>
    public static string RelativePath(string name) =>
        TestSpecs.Contains(name, StringComparer.Ordinal) ? $"tests/Berth.Tests/Generation/Specs/{name}.yaml" : $"examples/{name}.yaml";
}

/// <summary>
/// Generates every example for both platforms once, through the CLI (headers included), into ecs/&lt;example&gt;/
/// and eks/&lt;example&gt;/, and initialises terraform at most once per folder.
/// </summary>
public sealed class GeneratedRootsFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly HashSet<string> _initialised = new(StringComparer.Ordinal);

    public GeneratedRootsFixture()
    {
        foreach (var platform in new[] { "ecs", "eks" })
        {
            foreach (var example in ExampleSpecs.Names)
            {
                var result = CliRunner.InRepo("generate", platform, ExampleSpecs.RelativePath(example), "-o", Path.Combine(_dir.Path, platform, example));
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"generate {platform} {example}: exit {result.ExitCode}: {result.Error}");
                }
            }
        }
    }

    public string Folder(string relative) => Path.Combine(_dir.Path, relative);

    /// <summary>Runs <c>terraform init -backend=false -plugin-dir=…</c> in a folder once.</summary>
    public string Init(string relative)
    {
        var pluginDir = Terraform.RequirePluginDir();
        var folder = Folder(relative);
        lock (_initialised)
        {
            if (_initialised.Add(relative))
            {
                var (code, output) = Terraform.Run(folder, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + pluginDir);
                code.ShouldBe(0, output);
            }
        }

        return folder;
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// The generated Terraform as terraform itself sees it. Loading the AWS provider's schema costs seconds each time, so
/// every root is validated through one harness configuration that calls them all as modules (one init, one
/// validate; bootstrap/ with its helm blocks as terraform_data); TerraformRootTests validates the platform example's roots as roots; the multi-client ECS root also runs
/// its generated terraform test as a root (init, plan, assertions).
/// </summary>
public sealed class TerraformTests(GeneratedRootsFixture fixture) : IClassFixture<GeneratedRootsFixture>
{
    public static TheoryData<string> Roots => new(ExampleSpecs.Names.SelectMany(e => new[] { $"ecs/{e}", $"eks/{e}/terraform", $"eks/{e}/bootstrap" }));

    [SkippableTheory]
    [MemberData(nameof(Roots))]
    public void Every_generated_root_is_terraform_fmt_clean(string root)
    {
        Terraform.RequireBinary();
        var (code, output) = Terraform.Run(fixture.Folder(root), "fmt", "-check", "-recursive", "-no-color");
        code.ShouldBe(0, "terraform fmt -check lists files it would change:\n" + output);
    }

    [SkippableFact]
    public void Every_generated_root_validates_offline_against_hashicorp_aws()
    {
        Terraform.RequirePluginDir();
        Directory.CreateDirectory(fixture.Folder("harness"));
        File.WriteAllText(Path.Combine(fixture.Folder("harness"), "main.tf"), Harness());
        foreach (var example in ExampleSpecs.Names)
        {
            // bootstrap/ with its helm blocks as terraform_data (no hashicorp/helm offline; see TerraformRootTests).
            var target = fixture.Folder($"eks/{example}/bootstrap-without-helm");
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(fixture.Folder($"eks/{example}/bootstrap"), "*.tf"))
            {
                File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), TerraformRootTests.WithoutHelm(File.ReadAllText(file)));
            }
        }

        var folder = fixture.Init("harness");
        var (code, output) = Terraform.Run(folder, "validate", "-no-color");
        code.ShouldBe(0, output);
        output.ShouldContain("The configuration is valid");
    }

    [SkippableTheory]
    [InlineData("ecs/multi-client")]
    [InlineData("ecs/queue-workers")]
    [InlineData("eks/platform/terraform")]
    [InlineData("eks/queue-workers/terraform")]
    public void The_generated_terraform_test_plans_every_client_and_its_assertions_pass(string root)
    {
        var folder = fixture.Init(root);
        var (code, output) = Terraform.Run(folder, "test", "-no-color");
        code.ShouldBe(0, output);
        output.ShouldContain("1 passed, 0 failed");
    }

    /// <summary>A configuration calling every generated root as a module, with placeholder inputs of the right types.</summary>
    private static string Harness()
    {
        var sb = new StringBuilder();
        foreach (var example in ExampleSpecs.Names)
        {
            var id = example.Replace('-', '_');
            var clients = EcsGenerator.Instances(EcsGoldenTests.Load(example)).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"\"{i.Key}\" = {{ vpc_id = \"vpc-1\", private_subnet_ids = [\"subnet-1\"], public_subnet_ids = [\"subnet-2\"], certificate_arn = \"arn:aws:acm:us-east-1:123456789012:certificate/1\", domain_name = \"example.com\", image_tag = \"1\" }}"));
            sb.Append(CultureInfo.InvariantCulture, $$"""
                module "ecs_{{id}}" {
                  source         = "../ecs/{{example}}"
                  image_registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
                  clients        = { {{string.Join(", ", clients)}} }
                }

                module "eks_{{id}}" {
                  source             = "../eks/{{example}}/terraform"
                  vpc_id             = "vpc-1"
                  private_subnet_ids = ["subnet-1"]
                  admin_role_arn     = "arn:aws:iam::123456789012:role/admin"
                  team_role_arns     = {}
                  addon_versions     = { "aws-ebs-csi-driver" = "v1", "coredns" = "v1", "eks-pod-identity-agent" = "v1", "kube-proxy" = "v1", "vpc-cni" = "v1" }
                }

                module "eks_{{id}}_bootstrap" {
                  source                       = "../eks/{{example}}/bootstrap-without-helm"
                  vpc_id                       = "vpc-1"
                  karpenter_interruption_queue = module.eks_{{id}}.karpenter_interruption_queue
                  argocd_oidc_config           = "name: SSO"
                }


                """);
        }

        return sb.ToString();
    }
}
