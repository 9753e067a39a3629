namespace Berth.Linting;

public enum Severity
{
    /// <summary>
    /// Not a finding: a rule could not decide because a value it needs is unknown (e.g. a variable without a default).
    /// Shown in every format, never counted as failing. No rule has this severity of its own.
    /// </summary>
    Note,
    Low,
    Medium,
    High,
    Critical,
}

public static class SeverityNames
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Note => "note",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        _ => "critical",
    };

    public static Severity? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "low" => Severity.Low,
        "medium" => Severity.Medium,
        "high" => Severity.High,
        "critical" => Severity.Critical,
        _ => null,
    };
}

/// <summary>Why a finding does not count: an in-source comment, a Kubernetes annotation, or the baseline.</summary>
public sealed record Suppression(string Kind, string Justification);

/// <summary>
/// One finding. <see cref="Address"/> is the Terraform resource address or the Kubernetes Kind/namespace/name:
/// baselines use it rather than the line, so they survive edits.
/// </summary>
public sealed record Finding(string RuleId, Severity Severity, string Message, SourceRange Range, string Address, SourceRange ResourceRange)
{
    public Suppression? Suppression { get; init; }

    /// <summary>
    /// The folder of the Terraform root module the finding was reached from (null for Kubernetes objects): a module
    /// shared by several roots gives one finding per root, as linting each root alone would.
    /// </summary>
    public string? Root { get; init; }

    public bool IsSuppressed => Suppression is not null;

    public bool IsNote => Severity == Severity.Note;
}

/// <summary>A rule's documentation example, also its test fixture.</summary>
public sealed record RuleExample(string FileName, string Content);
