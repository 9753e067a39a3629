namespace Berth.Spec;

/// <summary>An error in a berth.yaml, at a place in the file where there is one (line 0 when there is none).</summary>
public sealed record SpecDiagnostic(SourceLocation Location, string Message)
{
    public override string ToString() =>
        Location.Line > 0 ? $"{Location}: error: {Message}" : $"{Location.File}: error: {Message}";
}

/// <summary>The outcome of loading a berth.yaml: a spec, or the errors that stopped it (sorted by position).</summary>
public sealed record SpecLoadResult(BerthSpec? Spec, IReadOnlyList<SpecDiagnostic> Errors)
{
    public bool Succeeded => Spec is not null && Errors.Count == 0;
}
