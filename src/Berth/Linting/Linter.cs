using Berth.Linting.Kubernetes;

namespace Berth.Linting;

public sealed record LintOptions
{
    public IReadOnlyList<string> VarFiles { get; init; } = [];

    /// <summary>The date suppression expiries are compared with (injected: the library reads no clock).</summary>
    public DateOnly Today { get; init; }

    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public Baseline? Baseline { get; init; }

    /// <summary>Where relative paths (baseline keys, reports) start: the repository or working folder.</summary>
    public string BaseDirectory { get; init; } = ".";

    public IReadOnlyList<LintRule>? Rules { get; init; }
}

public sealed record LintResult(IReadOnlyList<Finding> Findings, IReadOnlyList<LintDiagnostic> Diagnostics, int FilesScanned, IReadOnlyList<LintRule> Rules)
{
    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed);
}

/// <summary>Finds Terraform and Kubernetes files under the paths, evaluates them, runs the rules and applies suppressions.</summary>
public static class Linter
{
    public static LintResult Run(IReadOnlyList<string> paths, LintOptions options)
    {
        var rules = (options.Rules ?? RuleRegistry.All).Where(r => !options.DisabledRules.Contains(r.Id)).ToList();
        var perRoot = rules.Where(r => !r.SpansRoots).ToList();
        var spanning = rules.Where(r => r.SpansRoots).ToList();

        // Each Terraform root is checked on the thread that read it, while its trees are in memory (the roots run on
        // every core, and no two threads evaluate the same module instance); what it gives is kept by root index, so
        // the output does not depend on the core count.
        var found = new System.Collections.Concurrent.ConcurrentDictionary<int, (List<Finding> Findings, object?[] Facts, List<LintDiagnostic> NotRendered)>();
        var sources = LintSources.Stream(paths, options.VarFiles, (i, resources, calls) =>
        {
            var input = new LintInput(resources, []) { ModuleCalls = calls, Today = options.Today };
            found[i] = (perRoot.SelectMany(r => r.Check(input)).ToList(), spanning.Select(r => r.GatherFacts(input)).ToArray(), TerraformManifests.NotRendered(resources));
        });
        var roots = found.OrderBy(f => f.Key).Select(f => f.Value).ToList();
        var objects = sources.Objects.ToList();
        var diagnostics = new List<LintDiagnostic>(sources.Diagnostics);

        // A helm_release in a module two roots call is named once, as it is when every root is checked together.
        diagnostics.AddRange(roots.SelectMany(r => r.NotRendered).DistinctBy(d => d.Range));

        // Then the Kubernetes objects (those Terraform applies among them), and the rules that span roots.
        var kube = new LintInput([], objects) { Today = options.Today };
        var findings = roots.SelectMany(r => r.Findings)
            .Concat(perRoot.SelectMany(r => r.Check(kube)))
            .Concat(spanning.SelectMany((r, j) => r.DecideFacts(roots.Select(f => f.Facts[j]).ToList(), objects)))
            .Distinct().ToList();
        diagnostics.AddRange(sources.Project.EvaluationNotes);
        findings = Suppress(findings, objects, sources.WithoutSuppressions, options, diagnostics);
        findings.Sort(CompareFindings);
        diagnostics.Sort(LintDiagnostic.ByPlace);
        return new LintResult(findings, diagnostics.Distinct().ToList(), sources.Project.FileCount + sources.YamlFiles, rules);
    }

    private static int CompareFindings(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Range.File, b.Range.File);
        c = c != 0 ? c : a.Range.Line.CompareTo(b.Range.Line);
        c = c != 0 ? c : a.Range.Column.CompareTo(b.Range.Column);
        c = c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        c = c != 0 ? c : string.CompareOrdinal(a.Address, b.Address);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    private static List<Finding> Suppress(List<Finding> findings, List<KubeObject> objects, IReadOnlySet<string> withoutSuppressions, LintOptions options, List<LintDiagnostic> diagnostics)
    {
        var comments = new Dictionary<string, IReadOnlyList<LintSuppressions.Comment>>(StringComparer.Ordinal);
        foreach (var file in findings.Select(f => f.Range.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (found, problems) = !withoutSuppressions.Contains(file) && ReadOrNull(file) is { } text ? LintSuppressions.Scan(file, text) : ([], []);
            comments[file] = found;
            diagnostics.AddRange(problems);
        }

        var annotations = objects.ToLookup(o => o.Address, o => LintSuppressions.ParseAnnotation(o.Annotation("berth.dev/ignore")), StringComparer.Ordinal);
        var expiredReported = new HashSet<(string, int)>();
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var comment = LintSuppressions.Match(comments[finding.Range.File], finding);
            if (comment is { Expires: { } expires } && expires < options.Today)
            {
                if (expiredReported.Add((finding.Range.File, comment.Line)))
                {
                    diagnostics.Add(new LintDiagnostic(SourceRange.At(finding.Range.File, comment.Line), "berth:ignore " + string.Join(',', comment.Ids) + " expired on " + expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "; it is not applied"));
                }

                comment = null;
            }

            Suppression? suppression = comment is not null ? new Suppression("inSource", comment.Reason) : null;
            if (suppression is null)
            {
                foreach (var map in annotations[finding.Address])
                {
                    if (map.TryGetValue(finding.RuleId, out var reason))
                    {
                        suppression = new Suppression("inSource", reason);
                        break;
                    }
                }
            }

            if (suppression is null && options.Baseline?.Contains(finding, options.BaseDirectory) == true)
            {
                suppression = new Suppression("external", "accepted in the baseline");
            }

            result.Add(finding with { Suppression = suppression });
        }

        return result;
    }

    /// <summary>A file's text for its suppression comments, or null when it cannot be read (it was reported when parsed).</summary>
    private static string? ReadOrNull(string file)
    {
        try
        {
            return Files.InputFile.ReadAllText(file, LintLimits.MaxFileBytes);
        }
        catch (IOException)
        {
            return null;
        }
    }

}
