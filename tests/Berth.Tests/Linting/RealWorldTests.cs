using System.Text.Encodings.Web;
using System.Text.Json;
using Berth.Tests.Cli;

namespace Berth.Tests.Linting;

/// <summary>
/// A corpus written here in the shapes public platform code has (issue 19): a root calling registry modules with
/// <c>.terraform/modules</c> laid out as <c>terraform init</c> leaves it (and one call it did not fetch), module
/// outputs feeding container definitions, kustomize bases, overlays and patches, a Helm chart, an ApplicationSet and
/// an Argo Rollout. What Berth says about it — findings, notes and warnings — is approved output; to approve a change:
/// BERTH_APPROVE=1 dotnet test --filter RealWorldTests.
/// </summary>
public sealed class RealWorldTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Root => Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Linting", "RealWorld");

    [Fact]
    public void The_real_world_corpus_gives_the_approved_findings_and_notes()
    {
        var run = CliRunner.Run(Root, "lint", ".", "--today", "2026-11-29");
        run.ExitCode.ShouldBe(1);
        var actual = "$ berth lint . --today 2026-11-29\n" + run.Out + "--- stderr ---\n" + run.Error;
        var approved = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Linting", "RealWorld.approved.txt");
        if (Environment.GetEnvironmentVariable("BERTH_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        actual.ShouldBe(File.ReadAllText(approved));
    }

    /// <summary>
    /// The warnings on stderr above (the module call <c>terraform init</c> did not fetch, the unrendered Helm
    /// template) travel in SARIF too, as the run's toolExecutionNotifications: code scanning sees what was not checked.
    /// </summary>
    [Fact]
    public void The_sarif_log_carries_the_warnings_as_tool_execution_notifications()
    {
        var run = CliRunner.Run(Root, "lint", ".", "--format", "sarif", "--today", "2026-11-29");
        run.ExitCode.ShouldBe(1);
        var invocations = JsonDocument.Parse(run.Out).RootElement.GetProperty("runs")[0].GetProperty("invocations");
        var actual = JsonSerializer.Serialize(invocations, Indented).ReplaceLineEndings("\n") + "\n";
        var approved = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Linting", "RealWorld.sarif-invocations.approved.json");
        if (Environment.GetEnvironmentVariable("BERTH_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        actual.ShouldBe(File.ReadAllText(approved));
    }
}
