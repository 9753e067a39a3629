namespace Berth.Generation;

/// <summary>One file a generator produces: a path relative to the output folder (forward slashes) and its text (LF).</summary>
public sealed record GeneratedFile(string Path, string Content);
