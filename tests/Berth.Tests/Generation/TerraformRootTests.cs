using System.Text;

namespace Berth.Tests.Generation;

/// <summary>
/// Generated roots validated as roots (what a user runs in that folder), not only as modules of the harness:
/// <c>terraform init -backend=false -plugin-dir=…</c> + <c>terraform validate</c> for the platform example on each
/// platform. Each validate loads the AWS provider schema (about 5 s of CPU), so this is one example per platform;
/// TerraformTests' harness covers every example as a module. A class of its own so xunit runs it beside that one.
/// </summary>
public sealed class TerraformRootTests(GeneratedRootsFixture fixture) : IClassFixture<GeneratedRootsFixture>
{
    public static TheoryData<string> Roots => new(["ecs/platform", "eks/platform/terraform"]);

    [SkippableTheory]
    [MemberData(nameof(Roots))]
    public void A_generated_root_validates_as_a_root(string root)
    {
        var folder = fixture.Init(root);
        var (code, output) = Terraform.Run(folder, "validate", "-no-color");
        code.ShouldBe(0, output);
        output.ShouldContain("The configuration is valid");
    }

    /// <summary>bootstrap/ needs hashicorp/helm, which the offline plugin folder does not hold (DESIGN.md). Where it is
    /// there, the root validates as is; otherwise a copy validates in which each helm block becomes a built-in
    /// <c>terraform_data</c> whose input holds the same arguments, so every expression, variable and AWS data source is
    /// still type-checked — only the Helm provider's own schema goes unchecked.</summary>
    [SkippableFact]
    public void The_bootstrap_root_validates_with_what_is_available_offline()
    {
        var pluginDir = Terraform.RequirePluginDir();
        var root = "eks/platform/bootstrap";
        if (!Directory.Exists(Path.Combine(pluginDir, "registry.terraform.io", "hashicorp", "helm")))
        {
            root = "eks/platform/bootstrap-without-helm";
            var target = fixture.Folder(root);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(fixture.Folder("eks/platform/bootstrap"), "*.tf"))
            {
                File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), WithoutHelm(File.ReadAllText(file)));
            }
        }

        var folder = fixture.Init(root);
        var (code, output) = Terraform.Run(folder, "validate", "-no-color");
        var note = root.EndsWith("without-helm", StringComparison.Ordinal)
            ? "hashicorp/helm is not in the offline plugin folder: validated bootstrap/ with its helm blocks as terraform_data\n"
            : "";
        code.ShouldBe(0, note + output);
        output.ShouldContain("The configuration is valid");
    }

    [Fact]
    public void The_helm_stand_in_keeps_every_argument()
    {
        const string main = """
            provider "helm" {
              kubernetes {
                host = var.host
              }
            }

            resource "helm_release" "keda" {
              name = "keda"
              values = [
                yamlencode({ a = 1 }),
              ]
            }

            """;
        WithoutHelm(main).ShouldBe("""
            resource "terraform_data" "helm_provider" {
              input = {
                host = var.host
              }
            }

            resource "terraform_data" "keda" {
              input = {
              name = "keda"
              values = [
                yamlencode({ a = 1 }),
              ]
              }
            }

            """);
    }

    /// <summary>A generated bootstrap file with the Helm provider taken out: the required_providers entry dropped,
    /// the provider block and each helm_release turned into terraform_data (input = the same arguments).</summary>
    internal static string WithoutHelm(string tf)
    {
        var sb = new StringBuilder();
        var skipping = false;
        var inRelease = false;
        foreach (var line in tf.Split('\n'))
        {
            if (skipping)
            {
                skipping = line != "    }";
                continue;
            }

            if (line == "    helm = {")
            {
                skipping = true;
                continue;
            }

            if (line == "provider \"helm\" {")
            {
                sb.Append("resource \"terraform_data\" \"helm_provider\" {\n");
            }
            else if (line == "  kubernetes {")
            {
                sb.Append("  input = {\n");
            }
            else if (line.StartsWith("resource \"helm_release\" ", StringComparison.Ordinal))
            {
                sb.Append(line.Replace("helm_release", "terraform_data", StringComparison.Ordinal)).Append('\n').Append("  input = {\n");
                inRelease = true;
            }
            else if (inRelease && line == "}")
            {
                sb.Append("  }\n}\n");
                inRelease = false;
            }
            else
            {
                sb.Append(line).Append('\n');
            }
        }

        return sb.ToString()[..^1];
    }
}
