using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class ArgoSelfHealRule : LintRule
{
    public override string Id => "BERTH-ARGO-001";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ArgoCD automated sync without selfHeal or prune";

    public override string Resource => "Application, ApplicationSet";

    public override string Why => "Automated sync without `selfHeal` leaves manual `kubectl` changes in place until the next commit, so Git no longer describes the cluster; without `prune`, resources deleted from Git keep running (DOMAIN.md §5: ArgoCD without selfHeal).";

    public override string Fix => "Set `syncPolicy.automated: { prune: true, selfHeal: true }` and document a break-glass procedure for emergencies.";

    public override RuleExample Failing => new("app.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: api
          namespace: argocd
        spec:
          project: shop
          syncPolicy:
            automated: {}
        """);

    public override RuleExample Passing => new("app.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: api
          namespace: argocd
        spec:
          project: shop
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var (app, spec) in ArgoApplications.Of(input))
        {
            var sync = Yaml.Map(spec, "syncPolicy");
            if (Yaml.Get(sync, "automated") is not { } automated)
            {
                continue;
            }

            var missing = new List<string>();
            if (Yaml.Bool(automated, "selfHeal") != true)
            {
                missing.Add("selfHeal");
            }

            if (Yaml.Bool(automated, "prune") != true)
            {
                missing.Add("prune");
            }

            if (missing.Count > 0)
            {
                yield return Report(app, Yaml.KeyRange(app.File, sync, "automated") ?? app.Range, "automated sync without " + string.Join(" and ", missing));
            }
        }
    }
}
