using Berth.Spec;
using Berth.Tests.Cli;

namespace Berth.Tests.Importing;

/// <summary><c>berth import</c> from the command line: what it writes, and exit 2 with file:line on bad input.</summary>
public sealed class ImportCommandTests
{
    private const string Service = """
        resource "aws_ecs_task_definition" "api" {
          family                   = "api"
          requires_compatibilities = ["FARGATE"]
          cpu                      = 512
          memory                   = 1024
          container_definitions    = jsonencode([{ name = "api", image = "api:1", essential = true }])
        }

        resource "aws_ecs_service" "api" {
          name            = "api"
          task_definition = aws_ecs_task_definition.api.arn
          desired_count   = 2
          launch_type     = "FARGATE"
        }

        """;

    [Fact]
    public void Import_writes_a_spec_that_validates_and_names_where_each_value_came_from()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "infra"));
        dir.File("infra/main.tf", Service);

        var result = CliRunner.Run(dir.Path, "import", "infra", "-o", "berth.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldStartWith("wrote berth.yaml: ECS on Fargate, 1 service(s)");
        var written = File.ReadAllText(Path.Combine(dir.Path, "berth.yaml"));
        written.ShouldContain("  - name: api  # from infra/main.tf:9\n", Case.Sensitive);
        written.ShouldContain("    cpu: 500m  # from infra/main.tf:4\n", Case.Sensitive);
        written.ShouldContain("    replicas: 2  # from infra/main.tf:12\n", Case.Sensitive);
        written.ShouldContain("# region: us-east-1   # assumed: no AWS provider region was found\n", Case.Sensitive);
        CliRunner.Run(dir.Path, "validate", "berth.yaml").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_helm_charts_unrendered_templates_beside_the_manifests_are_a_note_not_an_error()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "deploy/chart/templates"));
        dir.File("deploy/chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        dir.File("deploy/chart/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
        dir.File("deploy/api.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: api
                      image: api:1
                      resources:
                        requests: { cpu: 250m, memory: 512Mi }

            """);

        var result = CliRunner.Run(dir.Path, "import", "deploy", "-o", "berth.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        var written = File.ReadAllText(Path.Combine(dir.Path, "berth.yaml"));
        written.ShouldContain("  - name: api  # from deploy/api.yaml:1\n", Case.Sensitive);
        written.ShouldContain("# - deploy/chart/templates/deployment.yaml:1: a Helm chart template is not rendered, so it is not checked (import the output of helm template instead)\n", Case.Sensitive);
    }

    [Fact]
    public void Import_never_overwrites_a_file_without_force()
    {
        using var dir = new TempDir();
        dir.File("main.tf", Service);
        var mine = dir.File("berth.yaml", "# my spec\n");

        var refused = CliRunner.Run(dir.Path, "import", ".", "-o", "berth.yaml");

        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("--force");
        File.ReadAllText(mine).ShouldBe("# my spec\n");

        var forced = CliRunner.Run(dir.Path, "import", ".", "-o", "berth.yaml", "--force");

        forced.ExitCode.ShouldBe(0, forced.Error);
        SpecLoader.LoadFile(mine).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_syntax_error_is_exit_2_naming_the_file_and_line()
    {
        using var dir = new TempDir();
        dir.File("main.tf", Service + "resource \"aws_ecs_service\" \"broken\" {\n  name = \n}\n");

        var result = CliRunner.Run(dir.Path, "import", ".");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("main.tf:16:10: error: expected an expression, found newline\n");
        File.Exists(Path.Combine(dir.Path, "berth.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void Code_without_a_platform_is_exit_2_saying_so()
    {
        using var dir = new TempDir();
        dir.File("main.tf", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n");

        var result = CliRunner.Run(dir.Path, "import", ".");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("no platform found: no aws_ecs_service, EKS cluster or Kubernetes workload in the 1 files read");
        File.Exists(Path.Combine(dir.Path, "berth.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_path_is_exit_2()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "import", "nowhere");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("nowhere: no such file or folder");
    }

    private const string EksCluster = """
        resource "aws_eks_cluster" "main" {
          name    = "ledger-prod"
          version = "1.32"

          upgrade_policy {
            support_type = "EXTENDED"
          }
        }

        resource "aws_eks_node_group" "general" {
          cluster_name    = aws_eks_cluster.main.name
          node_group_name = "general"
          instance_types  = ["m7g.xlarge", "m6g.xlarge"]
          capacity_type   = "SPOT"

          scaling_config {
            desired_size = 4
            min_size     = 2
            max_size     = 8
          }
        }

        """;

    [Fact]
    public void An_eks_cluster_without_its_manifests_is_exit_2_asking_for_them()
    {
        using var dir = new TempDir();
        dir.File("eks.tf", EksCluster);

        var result = CliRunner.Run(dir.Path, "import", ".");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe(".: error: an EKS cluster but no Kubernetes workload: pass the folder of its manifests too (or kustomize build / helm template output)\n");
    }

    [Fact]
    public void The_eks_cluster_gives_version_support_tier_and_node_groups()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "infra"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "k8s"));
        dir.File("infra/eks.tf", EksCluster);
        dir.File("k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: ledger\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            requests: { cpu: 500m, memory: 1Gi }\n");

        var result = CliRunner.Run(dir.Path, "import", "infra", "k8s");

        result.ExitCode.ShouldBe(0, result.Error);
        var written = File.ReadAllText(Path.Combine(dir.Path, "berth.yaml"));
        written.ShouldContain("name: ledger-prod  # from infra/eks.tf:2\n", Case.Sensitive);
        written.ShouldContain("    - { name: general, instanceType: m7g.xlarge, count: 4, capacityType: spot }  # from infra/eks.tf:13\n", Case.Sensitive);
        written.ShouldContain("node group general allows m7g.xlarge, m6g.xlarge; priced as m7g.xlarge", Case.Sensitive);
        var spec = SpecLoader.LoadFile(Path.Combine(dir.Path, "berth.yaml")).Spec.ShouldNotBeNull();
        spec.Eks.Version.ShouldBe("1.32");
        spec.Eks.SupportTier.ShouldBe(SupportTier.Extended);
        spec.Eks.Karpenter.Enabled.ShouldBeFalse();
        spec.Services.Single().Team.ShouldBe("ledger");
    }
}
