using System.Globalization;
using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class ArgoSyncSafetyRule : LintRule
{
    public override string Id => "BERTH-ARGO-003";

    public override Severity Severity => Severity.Medium;

    public override string Title => "ArgoCD Application with unbounded retry or tracking HEAD in production";

    public override string Resource => "Application, ApplicationSet";

    public override string Why => "A retry `limit` below zero retries a failing sync forever, hammering the API server and hiding the failure; an Application in a production namespace tracking `HEAD` (or no targetRevision) deploys whatever was merged last, with no release step.";

    public override string Fix => "Bound `syncPolicy.retry.limit` (for example 5, with backoff), and point production Applications at a tag or release branch.";

    public override RuleExample Failing => new("app.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: api-production
          namespace: argocd
        spec:
          project: shop
          source:
            repoURL: https://git.example.com/shop/deploy.git
            targetRevision: HEAD
          destination:
            namespace: shop-production
          syncPolicy:
            retry:
              limit: -1
        """);

    public override RuleExample Passing => new("app.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: api-production
          namespace: argocd
        spec:
          project: shop
          source:
            repoURL: https://git.example.com/shop/deploy.git
            targetRevision: v1.4.2
          destination:
            namespace: shop-production
          syncPolicy:
            retry:
              limit: 5
              backoff: { duration: 5s, factor: 2, maxDuration: 3m }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var (app, spec) in ArgoApplications.Of(input))
        {
            var retry = Yaml.Map(Yaml.Map(spec, "syncPolicy"), "retry");
            if (Yaml.Str(retry, "limit") is { } limit && int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n < 0)
            {
                yield return Report(app, Yaml.KeyRange(app.File, retry, "limit") ?? app.Range, "retries the sync forever (retry.limit " + limit + ")");
            }

            var destination = Yaml.Str(Yaml.Map(spec, "destination"), "namespace") ?? "";
            var production = (destination + " " + app.Name).Contains("prod", StringComparison.OrdinalIgnoreCase);
            var source = Yaml.Map(spec, "source");
            var revision = Yaml.Str(source, "targetRevision");
            if (production && source is not null && revision is null or "HEAD" or "")
            {
                yield return Report(app, Yaml.KeyRange(app.File, source, "targetRevision") ?? app.RangeOf(source), "a production Application tracks HEAD");
            }
        }
    }
}
