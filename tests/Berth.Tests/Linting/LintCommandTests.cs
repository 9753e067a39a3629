using System.Text.Json;
using System.Xml.Linq;
using Berth.Tests.Cli;
using Berth.Tests.Linting.Hcl;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting;

public sealed class LintCommandTests
{
    private const string Service = """
        resource "aws_ecs_service" "api" {
          name                   = "api"
          enable_execute_command = true
        }
        """;

    private static TempDir Repo(params (string Path, string Content)[] files)
    {
        var dir = new TempDir();
        LintFiles.Write(dir.Path, files);
        return dir;
    }

    [Fact]
    public void Exit_code_follows_the_threshold()
    {
        using var dir = Repo(("infra/main.tf", Service));
        var high = CliRunner.Run(dir.Path, "lint", "infra");
        high.ExitCode.ShouldBe(1, high.Error);
        high.Out.ShouldContain("infra/main.tf\n");
        high.Out.ShouldContain("  1:1  high      BERTH-ECS-002  aws_ecs_service.api: no deployment circuit breaker");
        high.Out.ShouldContain("    >     1 | resource \"aws_ecs_service\" \"api\" {");
        high.Out.ShouldContain("      fix: Add `deployment_circuit_breaker");
        CliRunner.Run(dir.Path, "lint", "infra", "--min-severity", "critical").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Notes_on_unknown_values_show_in_every_format_and_never_fail()
    {
        // Only the version rule, so that the note is all there is.
        var others = "disable: [" + string.Join(", ", Berth.Linting.RuleRegistry.All.Select(r => r.Id).Where(id => id != "BERTH-EKS-012")) + "]\n";
        using var dir = Repo(("infra/.berth-lint.yaml", others), ("infra/main.tf", """
            variable "kubernetes_version" {
              type = string
            }

            resource "aws_eks_cluster" "main" {
              name    = "main"
              version = var.kubernetes_version
            }
            """));
        var text = CliRunner.Run(dir.Path, "lint", "infra", "--min-severity", "low");
        text.ExitCode.ShouldBe(0, text.Out);
        text.Out.ShouldContain("  infra/main.tf:7:3  note      BERTH-EKS-012  aws_eks_cluster.main: cannot tell whether the Kubernetes version is supported: var.kubernetes_version has no default");
        text.Out.ShouldContain("1 note(s) on unknown values");
        CliRunner.Run(dir.Path, "lint", "infra").ExitCode.ShouldBe(0);

        var json = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", "infra", "--format", "json").Out).RootElement;
        var note = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "BERTH-EKS-012");
        note.GetProperty("severity").GetString().ShouldBe("note");

        var sarif = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", "infra", "--format", "sarif").Out).RootElement;
        var result = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "BERTH-EKS-012");
        result.GetProperty("level").GetString().ShouldBe("note");

        using var tfvars = Repo(("infra/.berth-lint.yaml", others), ("infra/main.tf", "variable \"kubernetes_version\" {}\nresource \"aws_eks_cluster\" \"main\" {\n  name    = \"main\"\n  version = var.kubernetes_version\n}\n"), ("infra/terraform.tfvars", "kubernetes_version = \"1.33\"\n"));
        CliRunner.Run(tfvars.Path, "lint", "infra", "--min-severity", "low").Out.ShouldNotContain("note");
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--min-severity", "severe")]
    [InlineData("--today", "tomorrow")]
    public void Bad_usage_exits_2(string option, string value)
    {
        using var dir = Repo(("main.tf", Service));
        var result = CliRunner.Run(dir.Path, "lint", ".", option, value);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("berth: error:");
    }

    [Fact]
    public void Warnings_come_in_line_order_not_text_order()
    {
        // Two registry modules not initialised, on lines 1 and 13 of one file: as text "main.tf:13" sorts before "main.tf:1:".
        var filler = string.Concat(Enumerable.Repeat("\n", 9));
        using var dir = Repo(("infra/main.tf", "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}" + filler + "\nmodule \"eks\" {\n  source = \"terraform-aws-modules/eks/aws\"\n}\n"));

        var result = CliRunner.Run(dir.Path, "lint", "infra");

        var warnings = result.Error.Split('\n').Where(l => l.StartsWith("berth: warning: infra/main.tf:", StringComparison.Ordinal)).ToList();
        warnings.Count.ShouldBe(2, result.Error);
        warnings[0].ShouldStartWith("berth: warning: infra/main.tf:1:");
        warnings[1].ShouldStartWith("berth: warning: infra/main.tf:13:");
    }

    [Fact]
    public void A_missing_path_or_var_file_exits_2()
    {
        using var dir = Repo(("main.tf", Service));
        CliRunner.Run(dir.Path, "lint", "nope").ExitCode.ShouldBe(2);
        CliRunner.Run(dir.Path, "lint", ".", "--var-file", "nope.tfvars").ExitCode.ShouldBe(2);
        CliRunner.Run(dir.Path, "lint").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Json_output_is_the_findings_with_repo_relative_paths()
    {
        using var dir = Repo(("infra/main.tf", Service));
        var json = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", "infra", "--format", "json").Out).RootElement;
        var finding = json.GetProperty("findings")[0];
        finding.GetProperty("ruleId").GetString().ShouldBe("BERTH-ECS-002");
        finding.GetProperty("file").GetString().ShouldBe("infra/main.tf");
        finding.GetProperty("line").GetInt32().ShouldBe(1);
        finding.GetProperty("address").GetString().ShouldBe("aws_ecs_service.api");
    }

    [Fact]
    public void Sarif_has_one_run_rules_and_results_as_code_scanning_expects()
    {
        using var dir = Repo(("infra/main.tf", "# berth:ignore BERTH-ECS-009 exec goes through the bastion\n" + Service.Replace("enable_execute_command = true", "enable_execute_command = false", StringComparison.Ordinal)));
        var result = CliRunner.Run(dir.Path, "lint", "infra", "--format", "sarif", "--min-severity", "low");
        var sarif = JsonDocument.Parse(result.Out).RootElement;
        sarif.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = sarif.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBeGreaterThanOrEqualTo(25);
        foreach (var rule in rules)
        {
            rule.GetProperty("id").GetString().ShouldStartWith("BERTH-");
            rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
            rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
            rule.GetProperty("helpUri").GetString().ShouldStartWith("https://");
            double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString() ?? "", System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(0.1, 10);
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(2);
        foreach (var r in results)
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("infra/main.tf");
            location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
            r.GetProperty("partialFingerprints").GetProperty("berthFinding/v1").GetString()?.Length.ShouldBe(32);
            r.GetProperty("level").GetString().ShouldBeOneOf("error", "warning", "note");
        }

        var suppressed = results.Single(r => r.GetProperty("ruleId").GetString() == "BERTH-ECS-009");
        var suppression = suppressed.GetProperty("suppressions")[0];
        suppression.GetProperty("kind").GetString().ShouldBe("inSource");
        suppression.GetProperty("justification").GetString().ShouldBe("exec goes through the bastion");
    }

    [Fact]
    public void Junit_has_a_failure_per_finding()
    {
        using var dir = Repo(("main.tf", Service));
        var xml = XDocument.Parse(CliRunner.Run(dir.Path, "lint", ".", "--format", "junit").Out);
        var failure = xml.Descendants("failure").ShouldHaveSingleItem();
        failure.Attribute("type")?.Value.ShouldBe("high");
        xml.Root?.Attribute("failures")?.Value.ShouldBe("1");
    }

    [Fact]
    public void Suppressions_need_a_reason_and_expire()
    {
        const string body = """
            resource "aws_ecs_service" "api" {
              name                   = "api"
              enable_execute_command = true
            }
            """;
        using var withReason = Repo(("main.tf", "# berth:ignore BERTH-ECS-002 canary service, rolled back by the pipeline\n" + body));
        CliRunner.Run(withReason.Path, "lint", ".").ExitCode.ShouldBe(0);

        using var noReason = Repo(("main.tf", "# berth:ignore BERTH-ECS-002\n" + body));
        var bare = CliRunner.Run(noReason.Path, "lint", ".");
        bare.ExitCode.ShouldBe(1);
        bare.Error.ShouldContain("main.tf:1:3: berth:ignore BERTH-ECS-002 has no reason; it is not applied");

        using var expiring = Repo(("main.tf", "# berth:ignore BERTH-ECS-002 migration in progress exp:2026-12-31\n" + body));
        CliRunner.Run(expiring.Path, "lint", ".", "--today", "2026-12-31").ExitCode.ShouldBe(0);
        var expired = CliRunner.Run(expiring.Path, "lint", ".", "--today", "2027-01-01");
        expired.ExitCode.ShouldBe(1);
        expired.Error.ShouldContain("expired on 2026-12-31");

        using var inside = Repo(("main.tf", body.Replace("  name", "  # berth:ignore BERTH-ECS-002 other\n  name", StringComparison.Ordinal)));
        CliRunner.Run(inside.Path, "lint", ".").ExitCode.ShouldBe(1, "a comment above an unrelated attribute does not suppress the block's finding");
    }

    [Fact]
    public void The_kubernetes_annotation_suppresses_with_its_reason()
    {
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              annotations:
                berth.dev/ignore: "BERTH-K8S-001=sized by VPA, BERTH-K8S-003=needs the host"
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: app:1.0
                      securityContext: { privileged: true }
            """;
        using var dir = Repo(("k8s/deploy.yaml", deployment));
        var json = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", "k8s", "--format", "json", "--min-severity", "high").Out).RootElement;
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        findings.Count.ShouldBe(2);
        findings.ShouldAllBe(f => f.GetProperty("suppressed").GetBoolean());
        CliRunner.Run(dir.Path, "lint", "k8s").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_yaml_comment_suppresses_too()
    {
        using var dir = Repo(("deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    # berth:ignore BERTH-K8S-001 requests come from the LimitRange
                    - name: app
                      image: app:1.0
            """));
        CliRunner.Run(dir.Path, "lint", ".").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_baseline_survives_an_edit_that_moves_lines()
    {
        using var dir = Repo(("infra/main.tf", Service));
        CliRunner.Run(dir.Path, "lint", "infra", "--write-baseline", "baseline.json").ExitCode.ShouldBe(1);
        var baseline = File.ReadAllText(Path.Combine(dir.Path, "baseline.json"));
        baseline.ShouldContain("\"file\": \"infra/main.tf\"");
        baseline.ShouldContain("\"address\": \"aws_ecs_service.api\"");
        CliRunner.Run(dir.Path, "lint", "infra", "--baseline", "baseline.json").ExitCode.ShouldBe(0);

        File.WriteAllText(Path.Combine(dir.Path, "infra", "main.tf"), "locals {\n  region = \"eu-west-1\"\n}\n\n\n" + Service);
        CliRunner.Run(dir.Path, "lint", "infra", "--baseline", "baseline.json").ExitCode.ShouldBe(0);

        File.AppendAllText(Path.Combine(dir.Path, "infra", "main.tf"), "\nresource \"aws_ecs_service\" \"new\" {\n  name = \"new\"\n}\n");
        var result = CliRunner.Run(dir.Path, "lint", "infra", "--baseline", "baseline.json");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("aws_ecs_service.new");
        result.Out.ShouldNotContain("BERTH-ECS-002  aws_ecs_service.api");
    }

    [Fact]
    public void Every_severity_is_shown_and_fail_on_alone_decides_the_exit_code()
    {
        // ECS-009 (low, no ECS Exec) and ECS-002 (high, no circuit breaker) on one service.
        using var dir = Repo(("infra/main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n"));
        var run = CliRunner.Run(dir.Path, "lint", "infra");
        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain("  1:1  low       BERTH-ECS-009  aws_ecs_service.api: ");
        run.Out.ShouldContain("  1:1  high      BERTH-ECS-002  aws_ecs_service.api: ");
        run.Out.ShouldContain("1 finding(s) at or above high (1 high), 1 below, 0 suppressed");

        CliRunner.Run(dir.Path, "lint", "infra", "--fail-on", "critical").ExitCode.ShouldBe(0);
        var display = CliRunner.Run(dir.Path, "lint", "infra", "--min-severity", "high", "--fail-on", "low");
        display.ExitCode.ShouldBe(1);
        display.Out.ShouldNotContain("BERTH-ECS-009");
        display.Out.ShouldContain("1 finding(s) at or above low (1 high), 0 below, 1 hidden below high");

        using var config = Repo(("infra/main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n"), ("infra/.berth-lint.yaml", "failOn: critical\n"));
        CliRunner.Run(config.Path, "lint", "infra").ExitCode.ShouldBe(0);
        CliRunner.Run(config.Path, "lint", "infra", "--fail-on", "low").ExitCode.ShouldBe(1);

        // SARIF carries every result with its level, whatever --min-severity hides from the other formats.
        var sarif = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", "infra", "--format", "sarif", "--min-severity", "critical").Out).RootElement;
        sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("level").GetString())
            .ShouldContain("BERTH-ECS-009 note");
    }

    [Fact]
    public void Root_modules_stay_apart_and_findings_name_their_root()
    {
        var module = "resource \"aws_ecs_service\" \"this\" {\n  name = \"svc\"\n}\n";
        var call = "module \"svc\" {\n  source = \"../../modules/svc\"\n}\n";
        using var dir = Repo(("modules/svc/main.tf", module), ("examples/a/main.tf", call), ("examples/b/main.tf", call), ("examples/c/main.tf", call));
        var json = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", ".", "--format", "json").Out).RootElement;
        var roots = json.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "BERTH-ECS-002")
            .Select(f => f.GetProperty("address").GetString() + " @ " + f.GetProperty("root").GetString()).ToList();
        roots.ShouldBe(["module.svc.aws_ecs_service.this @ examples/a", "module.svc.aws_ecs_service.this @ examples/b", "module.svc.aws_ecs_service.this @ examples/c"]);

        var text = CliRunner.Run(dir.Path, "lint", ".").Out;
        text.ShouldContain("  1:1  high      BERTH-ECS-002  module.svc.aws_ecs_service.this: no deployment circuit breaker");
        text.ShouldContain(" (root module examples/b)\n");

        var sarif = JsonDocument.Parse(CliRunner.Run(dir.Path, "lint", ".", "--format", "sarif").Out).RootElement;
        sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString())
            .ShouldContain("examples/c::module.svc.aws_ecs_service.this");

        // A baseline is keyed by root; one written before roots were kept apart (version 1, no root) still accepts them all.
        CliRunner.Run(dir.Path, "lint", ".", "--write-baseline", "baseline.json");
        var written = File.ReadAllText(Path.Combine(dir.Path, "baseline.json"));
        written.ShouldContain("\"root\": \"examples/b\"");
        CliRunner.Run(dir.Path, "lint", ".", "--baseline", "baseline.json", "--fail-on", "low").ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(dir.Path, "old.json"), "{\"version\": 1, \"findings\": [{\"ruleId\": \"BERTH-ECS-002\", \"file\": \"modules/svc/main.tf\", \"address\": \"module.svc.aws_ecs_service.this\"}]}");
        CliRunner.Run(dir.Path, "lint", ".", "--baseline", "old.json").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_bad_baseline_is_bad_input()
    {
        using var dir = Repo(("main.tf", Service), ("baseline.json", "{ nope"));
        CliRunner.Run(dir.Path, "lint", ".", "--baseline", "baseline.json").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void The_config_file_disables_rules_and_sets_the_threshold()
    {
        using var dir = Repo(("main.tf", Service), (".berth-lint.yaml", "disable: [BERTH-ECS-002]\nminSeverity: low\n"));
        var result = CliRunner.Run(dir.Path, "lint", ".", "--format", "json");
        result.Out.ShouldNotContain("BERTH-ECS-002");
        JsonDocument.Parse(result.Out).RootElement.GetProperty("minSeverity").GetString().ShouldBe("low");
        using var bad = Repo(("main.tf", Service), (".berth-lint.yaml", "disable: [BERTH-NOPE-001]\n"));
        CliRunner.Run(bad.Path, "lint", ".").Error.ShouldContain("unknown rule id 'BERTH-NOPE-001'");

        // In SARIF the problem is a configuration notification of the run (SARIF 2.1.0 §3.20.22), a warning.
        var invocation = JsonDocument.Parse(CliRunner.Run(bad.Path, "lint", ".", "--format", "sarif").Out).RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        var notification = invocation.GetProperty("toolConfigurationNotifications").EnumerateArray().ShouldHaveSingleItem();
        notification.GetProperty("level").GetString().ShouldBe("warning");
        (notification.GetProperty("message").GetProperty("text").GetString() ?? "").ShouldContain("unknown rule id 'BERTH-NOPE-001'");
        notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe(".berth-lint.yaml");
        invocation.TryGetProperty("toolExecutionNotifications", out _).ShouldBeFalse();
    }

    [Fact]
    public void Syntax_errors_are_warnings_with_positions_and_the_rest_is_linted()
    {
        using var dir = Repo(("broken.tf", "resource \"aws_ecs_service\" \"x\" {\n  name = = 1\n}\n"), ("main.tf", Service));
        var result = CliRunner.Run(dir.Path, "lint", ".");
        result.Error.ShouldContain("broken.tf:2:10: ");
        result.Out.ShouldContain("aws_ecs_service.api");
    }

    [Fact]
    public void The_corpus_gives_the_same_bytes_every_time_and_only_the_planted_findings()
    {
        var first = CliRunner.Run(HclCorpusTests.CorpusRoot, "lint", ".", "--format", "sarif", "--min-severity", "low", "--today", "2026-11-26");
        var second = CliRunner.Run(HclCorpusTests.CorpusRoot, "lint", ".", "--format", "sarif", "--min-severity", "low", "--today", "2026-11-26");
        second.Out.ShouldBe(first.Out);
        var json = JsonDocument.Parse(CliRunner.Run(HclCorpusTests.CorpusRoot, "lint", ".", "--format", "json", "--min-severity", "low", "--today", "2026-11-26").Out).RootElement;
        var found = json.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32()).ToList();
        found.ShouldBe([
            "BERTH-K8S-014 eks-platform/k8s/batch.yaml:2",
            "BERTH-K8S-001 eks-platform/k8s/batch.yaml:17",
            "BERTH-K8S-002 eks-platform/k8s/batch.yaml:17",
            "BERTH-K8S-011 eks-platform/k8s/batch.yaml:17",
            "BERTH-K8S-012 eks-platform/k8s/batch.yaml:17",
            "BERTH-K8S-005 eks-platform/k8s/batch.yaml:18",
        ]);
        json.GetProperty("diagnostics").GetArrayLength().ShouldBe(0);
    }
}
