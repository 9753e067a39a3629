using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class ArgoDefaultProjectRule : LintRule
{
    public override string Id => "BERTH-ARGO-002";

    public override Severity Severity => Severity.Low;

    public override string Title => "ArgoCD Application in the default project";

    public override string Resource => "Application, ApplicationSet";

    public override string Why => "The `default` AppProject allows any source repository, any destination cluster and namespace, and any resource kind: a team's Application can deploy into another team's namespace or create cluster-wide resources.";

    public override string Fix => "Create an AppProject per team with its allowed repositories, destinations and resource kinds, and set `spec.project` to it.";

    public override RuleExample Failing => new("app.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: api
          namespace: argocd
        spec:
          project: default
        """);

    public override RuleExample Passing => new("app.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: api
          namespace: argocd
        spec:
          project: shop
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var (app, spec) in ArgoApplications.Of(input))
        {
            var project = Yaml.Str(spec, "project");
            if (project is null or "default")
            {
                yield return Report(app, Yaml.KeyRange(app.File, spec, "project") ?? app.Range, "uses the default AppProject");
            }
        }
    }
}
