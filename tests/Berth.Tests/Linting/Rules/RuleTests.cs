using System.Globalization;
using Berth.Linting;
using Berth.Tests.Cli;

namespace Berth.Tests.Linting.Rules;

/// <summary>Every rule's test class derives from this: its documented examples are its first fixtures.</summary>
public abstract class RuleTests<TRule>
    where TRule : LintRule, new()
{
    protected static TRule Rule { get; } = new();

    /// <summary>Lints the files (paths may contain folders) with only this rule; returns its findings (not its notes).</summary>
    protected static IReadOnlyList<Finding> Lint(params (string Path, string Content)[] files) => LintFiles.Run([Rule], files).Findings.Where(f => !f.IsNote).ToList();

    /// <summary>The notes the rule leaves where a value it needs is unknown.</summary>
    protected static IReadOnlyList<Finding> Notes(params (string Path, string Content)[] files) => LintFiles.Run([Rule], files).Findings.Where(f => f.IsNote).ToList();

    [Fact]
    public void The_failing_example_is_flagged() =>
        Lint((Rule.Failing.FileName, Rule.Failing.Content)).ShouldNotBeEmpty();

    [Fact]
    public void The_passing_example_is_clean() =>
        LintFiles.Run([Rule], [(Rule.Passing.FileName, Rule.Passing.Content)]).Findings.ShouldBeEmpty();

    /// <summary>
    /// The failing example's exact findings and notes — rule, span, address and message — as approved in
    /// Approved/&lt;rule id&gt;.approved.txt (to approve a change: BERTH_APPROVE=1 dotnet test --filter RuleTests).
    /// </summary>
    [Fact]
    public void The_failing_example_gives_the_approved_findings()
    {
        var findings = LintFiles.Run([Rule], [(Rule.Failing.FileName, Rule.Failing.Content)]).Findings;
        var actual = string.Concat(findings.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.RuleId} {f.Severity.ToString().ToLowerInvariant()} {f.Range.File}:{f.Range.Start.Line}:{f.Range.Start.Column}-{f.Range.End.Line}:{f.Range.End.Column} {f.Address}\n  {f.Message}\n")));
        var approved = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Linting", "Rules", "Approved", Rule.Id + ".approved.txt");
        if (Environment.GetEnvironmentVariable("BERTH_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, actual);
        }

        actual.ShouldNotBeEmpty();
        actual.ShouldBe(File.Exists(approved) ? File.ReadAllText(approved) : "(no approved file: " + approved + ")");
    }

    [Fact]
    public void Findings_carry_the_rule_metadata()
    {
        var finding = Lint((Rule.Failing.FileName, Rule.Failing.Content))[0];
        finding.RuleId.ShouldBe(Rule.Id);
        finding.Severity.ShouldBe(Rule.Severity);
        finding.Range.Line.ShouldBeGreaterThanOrEqualTo(1);
        Path.GetFileName(finding.Range.File).ShouldNotBeNullOrEmpty();
    }
}

public static class LintFiles
{
    public static LintResult Run(IReadOnlyList<LintRule>? rules, (string Path, string Content)[] files, LintOptions? options = null)
    {
        using var dir = new TempDir();
        Write(dir.Path, files);
        var result = Linter.Run([dir.Path], (options ?? new LintOptions()) with { Rules = rules, BaseDirectory = dir.Path, Today = options?.Today ?? new DateOnly(2026, 11, 26) });
        return result with { Findings = result.Findings.Select(f => f with { Range = f.Range with { File = LintPaths.Relative(dir.Path, f.Range.File) } }).ToList() };
    }

    public static void Write(string root, (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = System.IO.Path.Combine(root, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full) ?? root);
            File.WriteAllText(full, content);
        }
    }
}
