using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Kubernetes;

/// <summary>
/// Kubernetes objects written inside Terraform, read so the Kubernetes rules see them: <c>kubectl_manifest</c>'s
/// <c>yaml_body</c> (gavinbunney/kubectl, alekc/kubectl) and <c>kubernetes_manifest</c>'s <c>manifest</c>
/// (hashicorp/kubernetes). The YAML is read as if it sat at the attribute's line of the .tf file, so findings point
/// there (at the object's own lines for a heredoc; an HCL object is read as one line of JSON, which YAML reads, so
/// every finding in it points at the attribute). A body Berth cannot evaluate leaves a note naming it.
/// <c>helm_release</c> values are chart inputs, not objects (what they mean is up to each chart's templates), so a
/// release is not read but named in a warning (<see cref="NotRendered"/>); typed resources
/// (<c>kubernetes_deployment_v1</c>) use the provider's own schema and are not read.
/// </summary>
public static class TerraformManifests
{
    public static (List<KubeObject> Objects, List<LintDiagnostic> Diagnostics) Read(IEnumerable<TerraformResource> resources)
    {
        var objects = new List<KubeObject>();
        var diagnostics = new List<LintDiagnostic>();
        foreach (var resource in resources.Where(r => r.Mode == "resource" && r.Type is "kubectl_manifest" or "kubernetes_manifest"))
        {
            var attribute = resource.Type == "kubectl_manifest" ? "yaml_body" : "manifest";
            if (resource.View.Attr(attribute) is not { } attr)
            {
                continue;
            }

            var value = resource.View.Get(attribute);
            var (expr, _) = ModuleInstance.Resolve(attr.Value, resource.View.Scope);
            var firstLine = expr is HclTemplate { Heredoc: true } t && t.Range.File == attr.Range.File ? t.ContentStart.Line : attr.Range.Line;
            string? text = value switch
            {
                string s => s,
                HclDictionary m when !HclValue.ContainsUnknown(m) => JsonValues.Encode(m),
                _ => null,
            };
            if (text is null)
            {
                diagnostics.Add(new LintDiagnostic(SourceRange.At(attr.Range.File, attr.Range.Line, attr.Range.Column),
                    resource.Address + ": " + Unresolved.Describe(resource.View, attribute) + "; the Kubernetes object it applies is not checked"));
                continue;
            }

            var (found, problems) = KubeReader.Read(attr.Range.File, new string('\n', Math.Max(0, firstLine - 1)) + text);
            objects.AddRange(found);
            diagnostics.AddRange(problems);
        }

        return (objects, diagnostics);
    }

    /// <summary>
    /// One warning per <c>helm_release</c> block: Berth does not render charts, so the objects a release installs are
    /// not checked, whatever its <c>values</c> say — said rather than passed over in silence, as for a chart's
    /// templates on disk. A block instantiated several times (count, for_each, a module called twice) is named once.
    /// </summary>
    public static List<LintDiagnostic> NotRendered(IEnumerable<TerraformResource> resources)
    {
        var seen = new HashSet<SourceRange>();
        var diagnostics = new List<LintDiagnostic>();
        foreach (var release in resources.Where(r => r.Mode == "resource" && r.Type == "helm_release"))
        {
            if (!seen.Add(release.Range))
            {
                continue;
            }

            var chart = release.View.Get("chart") is string name ? "chart " + name : "its chart";
            diagnostics.Add(new LintDiagnostic(SourceRange.At(release.Range.File, release.Range.Line, release.Range.Column),
                release.Address + ": " + chart + " is not rendered, so the Kubernetes objects it installs (its values included) are not checked (lint the output of helm template instead)"));
        }

        return diagnostics;
    }
}
