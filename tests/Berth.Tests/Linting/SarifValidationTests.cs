using System.Diagnostics;
using System.Text.Json;
using Berth.Tests.Cli;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting;

/// <summary>
/// Validates our SARIF with Microsoft's SARIF multitool (npm: @microsoft/sarif-multitool). It takes ~20 s, so it runs
/// when CI=true (where node/npx are required) or BERTH_SARIF_VALIDATE=1, and is skipped otherwise.
/// </summary>
public sealed class SarifValidationTests
{
    private const string Multitool = "@microsoft/sarif-multitool@5.7.0";

    [SkippableFact]
    public async Task The_sarif_output_validates_with_the_multitool()
    {
        var ci = Environment.GetEnvironmentVariable("CI") == "true";
        Skip.IfNot(ci || Environment.GetEnvironmentVariable("BERTH_SARIF_VALIDATE") == "1", "set BERTH_SARIF_VALIDATE=1 to validate SARIF with " + Multitool + " (always on when CI=true)");
        var npx = FindOnPath("npx");
        if (npx is null)
        {
            ci.ShouldBeFalse("CI=true but npx (Node.js) is not on the PATH: the SARIF validation cannot run");
            Skip.If(true, "npx is not on the PATH");
        }

        using var dir = new TempDir();
        LintFiles.Write(dir.Path, [
            ("infra/main.tf", "# berth:ignore BERTH-ECS-009 exec through the bastion\nresource \"aws_ecs_service\" \"api\" {\n  name = \"api\"\n}\n"),
            ("infra/eks.tf", "variable \"k8s\" {}\nresource \"aws_eks_cluster\" \"main\" {\n  name    = \"main\"\n  version = var.k8s\n}\n"),
            // Not initialised: a warning, in SARIF a tool execution notification, validated with the rest.
            ("infra/vpc.tf", "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n"),
            ("k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:latest\n"),
        ]);
        var sarif = CliRunner.Run(dir.Path, "lint", ".", "--format", "sarif", "--min-severity", "low", "--today", "2026-11-26").Out;
        sarif.ShouldContain("\"level\": \"note\"");
        sarif.ShouldContain("\"toolExecutionNotifications\"");
        var input = Path.Combine(dir.Path, "lint.sarif");
        var output = Path.Combine(dir.Path, "validation.sarif");
        await File.WriteAllTextAsync(input, sarif);

        var start = new ProcessStartInfo(npx) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
        foreach (var arg in new[] { "-y", Multitool, "validate", input, "-o", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await stdout + await stderr);

        using var validation = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var errors = validation.RootElement.GetProperty("runs")[0].TryGetProperty("results", out var results)
            ? results.EnumerateArray().Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error")
                .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message").ToString()).ToList()
            : [];
        errors.ShouldBeEmpty();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
