using Berth.Linting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Rules;

public sealed class K8sPodDisruptionBudgetRule : LintRule
{
    public override string Id => "BERTH-K8S-008";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Replicated workload without a PodDisruptionBudget";

    public override string Resource => "Deployment, StatefulSet";

    public override string Why => "Karpenter consolidation, node upgrades and drains evict pods voluntarily; without a PodDisruptionBudget they may evict every replica at once. The budget makes them wait until enough replicas are ready elsewhere.";

    public override string Fix => "Add a `policy/v1` PodDisruptionBudget whose selector matches the pods, with `minAvailable` or `maxUnavailable`.";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 3
          selector:
            matchLabels: { app: api }
          template:
            metadata:
              labels: { app: api }
            spec:
              containers:
                - name: app
                  image: app:1.0
        """);

    public override RuleExample Passing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 3
          selector:
            matchLabels: { app: api }
          template:
            metadata:
              labels: { app: api }
            spec:
              containers:
                - name: app
                  image: app:1.0
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: api
        spec:
          maxUnavailable: 1
          selector:
            matchLabels: { app: api }
        """);

    private static Dictionary<string, string> Labels(YamlMappingNode? map) =>
        map?.Children.Where(kv => kv.Key is YamlScalarNode && kv.Value is YamlScalarNode)
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => ((YamlScalarNode)kv.Value).Value ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        var budgets = input.OfKind("PodDisruptionBudget").ToList();
        foreach (var obj in input.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" && o.IsWorkload))
        {
            var replicas = int.TryParse(Yaml.Str(obj.Spec, "replicas"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
            if (replicas < 2 && K8sHpa.Targets(input, obj) is null)
            {
                continue;
            }

            var labels = Labels(Yaml.Map(obj.PodTemplateMetadata, "labels"));
            var covered = budgets.Any(b => (b.Namespace ?? "default") == (obj.Namespace ?? "default")
                && Labels(Yaml.Map(Yaml.Map(b.Spec, "selector"), "matchLabels")) is { Count: > 0 } selector
                && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value));
            if (!covered)
            {
                yield return Report(obj, obj.Range, "no PodDisruptionBudget selects its pods: a drain can evict every replica at once");
            }
        }
    }
}
