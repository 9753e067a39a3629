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

    public static (LintConfig Config, IReadOnlyList<LintDiagnostic> Diagnostics) Parse(string path, string text)
    {
        var diagnostics = new List<LintDiagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (None, [new LintDiagnostic(SourceRange.At(path, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)), "invalid YAML: " + e.Message)]);
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
