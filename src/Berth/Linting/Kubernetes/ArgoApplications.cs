using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Kubernetes;

/// <summary>
/// The Argo CD Application specs in the input: each Application's <c>spec</c>, and each ApplicationSet's
/// <c>spec.template.spec</c> — the Application every generator stamps out (argo-cd applicationset docs, "Template
/// fields"), so one ApplicationSet with <c>project: default</c> is as many Applications in the default project.
/// </summary>
public static class ArgoApplications
{
    public static IEnumerable<(KubeObject Object, YamlMappingNode? Spec)> Of(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.Group == "argoproj.io"))
        {
            if (obj.Kind == "Application")
            {
                yield return (obj, obj.Spec);
            }
            else if (obj.Kind == "ApplicationSet")
            {
                yield return (obj, Yaml.Map(Yaml.Map(obj.Spec, "template"), "spec"));
            }
        }
    }
}
