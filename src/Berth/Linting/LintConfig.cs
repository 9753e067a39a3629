using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Linting;

/// <summary>
/// The <c>.berth-lint.yaml</c> of a scanned folder: <c>disable: [IDs]</c>, <c>minSeverity: level</c> (what is shown)
/// and <c>failOn: level</c> (what fails the run).
/// </summary>
public sealed record LintConfig(IReadOnlySet<string> Disabled, Severity? MinSeverity, Severity? FailOn = null)
{
    public const string FileName = ".berth-lint.yaml";

    public static LintConfig None { get; } = new(new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>The largest config file read: a few lines in practice.</summary>
    public const long MaxFileBytes = Files.InputFile.MiB;

    /// <summary>The .berth-lint.yaml of the first scanned folder (or of a scanned file's folder); a file that cannot
    /// be read (not a regular file, too large) is a diagnostic and no config.</summary>
    public static (LintConfig Config, IReadOnlyList<LintDiagnostic> Diagnostics) Find(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var dir = Directory.Exists(path) ? path : Path.GetDirectoryName(path) ?? ".";
            var file = Path.Combine(dir, FileName);
            if (Files.FileKinds.Of(file) == Files.FileKind.Missing)
            {
                continue;
            }

            try
            {
                return Parse(file, Files.InputFile.ReadAllText(file, MaxFileBytes));
            }
            catch (IOException e)
            {
                return (None, [new LintDiagnostic(SourceRange.At(file, 1), "cannot read the file: " + (e is Files.InputFileException f ? f.Reason : e.Message))]);
            }
        }

        return (None, []);
    }

    public static (LintConfig Config, IReadOnlyList<LintDiagnostic> Diagnostics) Parse(string path, string text)
    {
        var diagnostics = new List<LintDiagnostic>();
        if (Files.YamlShape.Exceeds(text, LintLimits.MaxYamlDepth, LintLimits.MaxYamlNodes) is { } shape)
        {
            return (None, [new LintDiagnostic(SourceRange.At(path, shape.Line, shape.Column), shape.Message + "; the configuration is not applied")]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (None, [new LintDiagnostic(SourceRange.At(path, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)), "invalid YAML: " + e.Message)]);
        }
        catch (ArgumentException)
        {
            return (None, [new LintDiagnostic(SourceRange.At(path, 1), "invalid YAML: duplicate keys")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when the text ends inside a flow collection ("[a, b" with no "]").
            return (None, [new LintDiagnostic(SourceRange.At(path, 1), "invalid YAML: a '[' or '{' is never closed")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (None, []);
        }

        var disabled = new HashSet<string>(StringComparer.Ordinal);
        Severity? min = null;
        Severity? failOn = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var at = SourceRange.At(path, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
            switch (key)
            {
                case "disable" when value is YamlSequenceNode seq:
                    foreach (var id in seq.Children.OfType<YamlScalarNode>())
                    {
                        if (RuleRegistry.All.Any(r => r.Id == id.Value))
                        {
                            disabled.Add(id.Value ?? "");
                        }
                        else
                        {
                            diagnostics.Add(new LintDiagnostic(SourceRange.At(path, (int)id.Start.Line, (int)id.Start.Column), "unknown rule id '" + id.Value + "'"));
                        }
                    }

                    break;
                case "minSeverity" when value is YamlScalarNode scalar:
                    min = SeverityNames.Parse(scalar.Value);
                    if (min is null)
                    {
                        diagnostics.Add(new LintDiagnostic(at, "minSeverity must be low, medium, high or critical"));
                    }

                    break;
                case "failOn" when value is YamlScalarNode scalar:
                    failOn = SeverityNames.Parse(scalar.Value);
                    if (failOn is null)
                    {
                        diagnostics.Add(new LintDiagnostic(at, "failOn must be low, medium, high or critical"));
                    }

                    break;
                default:
                    diagnostics.Add(new LintDiagnostic(at, "unknown key '" + key + "' (expected disable, minSeverity or failOn)"));
                    break;
            }
        }

        return (new LintConfig(disabled, min, failOn), diagnostics);
    }
}
