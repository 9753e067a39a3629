using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sImageTagRule : LintRule
{
    public override string Id => "BERTH-K8S-005";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Container image with the latest tag or no tag";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "`latest` (or no tag, which means latest) is not a version: two nodes can run different code under the same manifest, a rollback goes nowhere, and GitOps cannot tell what is deployed.";

    public override string Fix => "Use an immutable version tag or a digest (`image@sha256:…`).";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: registry.example.com/shop/api:latest
        """);

    public override RuleExample Passing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: registry.example.com/shop/api:1.4.2
        """);

    public static bool IsUnpinned(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var lastSlash = image.LastIndexOf('/');
        var name = image[(lastSlash + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 || name[(colon + 1)..] == "latest";
    }

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                if (Yaml.Str(container, "image") is { Length: > 0 } image && IsUnpinned(image))
                {
                    yield return Report(obj, obj.RangeOf(Yaml.Get(container, "image")), "container '" + Yaml.Str(container, "name") + "' uses image '" + image + "' without a version tag");
                }
            }
        }
    }
}
