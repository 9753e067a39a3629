using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Cli;

/// <summary>"Today" comes from the clock the app is given (Program.cs gives the system's), not from a clock read inside a command.</summary>
public sealed class ClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private const string Expiring = """
        # berth:ignore BERTH-ECS-002 migration in progress exp:2026-12-31
        resource "aws_ecs_service" "api" {
          name                   = "api"
          enable_execute_command = true
        }
        """;

    [Fact]
    public void Lint_and_report_compare_expiries_with_the_injected_clock()
    {
        using var dir = new TempDir();
        LintFiles.Write(dir.Path, [("main.tf", Expiring)]);
        var before = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero));
        var after = new FixedClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        CliRunner.Run(dir.Path, before, "lint", ".").ExitCode.ShouldBe(0);
        var expired = CliRunner.Run(dir.Path, after, "lint", ".");
        expired.ExitCode.ShouldBe(1);
        expired.Error.ShouldContain("expired on 2026-12-31");

        // The report counts the finding as suppressed before the expiry and as active after it.
        var spec = Path.Combine(RepoPaths.Examples, "startup.yaml");
        CliRunner.Run(dir.Path, before, "report", spec, "-o", "before.html", "--days", "1", "--lint", "main.tf").ExitCode.ShouldBe(0);
        CliRunner.Run(dir.Path, after, "report", spec, "-o", "after.html", "--days", "1", "--lint", "main.tf").ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(dir.Path, "after.html")).ShouldNotBe(File.ReadAllText(Path.Combine(dir.Path, "before.html")));
    }

    [Fact]
    public void An_explicit_today_wins_over_the_clock()
    {
        using var dir = new TempDir();
        LintFiles.Write(dir.Path, [("main.tf", Expiring)]);

        CliRunner.Run(dir.Path, new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)), "lint", ".", "--today", "2026-06-01").ExitCode.ShouldBe(0);
    }
}
