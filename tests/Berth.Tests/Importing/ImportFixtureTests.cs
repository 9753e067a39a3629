using Berth.Importing;
using Berth.Tests.Cli;
using Berth.Tests.Decision;
using Berth.Tests.Support;

namespace Berth.Tests.Importing;

/// <summary>
/// berth import of code written the way teams write it (Importing/Fixtures): Terraform with variables, tfvars, a
/// local module called per service and a registry module never initialised; plain manifests; kustomize build output.
/// The whole berth.yaml is approved, comments and notes included.
/// </summary>
public sealed class ImportFixtureTests
{
    private static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Importing", "Fixtures");

    [Theory]
    [InlineData("ecs-modules")]
    [InlineData("k8s-plain")]
    [InlineData("kustomize-output")]
    [InlineData("eks-fargate-profiles")]
    [InlineData("ecs-per-client")]
    [InlineData("ecs-per-environment")]
    public void The_imported_spec_is_the_approved_one(string fixture)
    {
        var result = Importer.Run([Path.Combine(Fixtures, fixture)], [], Fixtures);

        Approved.Verify($"Importing/Approved/{fixture}.berth.yaml", result.Yaml);
    }

    [Fact]
    public void Terraform_values_come_from_tfvars_module_inputs_and_policies()
    {
        var spec = Specs.Parse(Importer.Run([Path.Combine(Fixtures, "ecs-modules")], [], Fixtures).Yaml);

        spec.Region.ShouldBe("eu-central-1");
        spec.Environment.ShouldBe(Berth.Spec.DeploymentEnvironment.Staging);
        var api = spec.Services.Single(s => s.Name == "checkout-api");
        api.Scaling.ShouldBe(new Berth.Spec.ScalingSpec(2, 10, 60, 75));
        api.Secrets["STRIPE_KEY"].ShouldBe("shop/stripe-key");
        var worker = spec.Services.Single(s => s.Name == "order-worker");
        worker.EventSource.ShouldBe(new Berth.Spec.EventSourceSpec(Berth.Spec.EventSourceType.Sqs, "orders", 50));
        worker.Arch.ShouldBe(Berth.Spec.CpuArch.Arm64);

        // No strategy of its own: ECS runs it with the cluster's default, which includes FARGATE_SPOT.
        spec.Services.Single(s => s.Name == "reports").Spot.ShouldBeTrue();
    }

    [Fact]
    public void A_module_that_was_never_initialised_is_a_note_not_a_guess()
    {
        var yaml = Importer.Run([Path.Combine(Fixtures, "ecs-modules")], [], Fixtures).Yaml;

        yaml.ShouldContain("# - ecs-modules/main.tf:97: module.vpc: source \"terraform-aws-modules/vpc/aws\" is not read: run terraform init");
    }
}
