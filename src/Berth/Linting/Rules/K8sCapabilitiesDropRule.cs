using Berth.Linting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Rules;

public sealed class K8sCapabilitiesDropRule : LintRule
{
    public override string Id => "BERTH-K8S-012";

    public override Severity Severity => Severity.Medium;

    public override string Title => "Container does not drop all Linux capabilities";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID, DAC_OVERRIDE…) that almost no application needs; NET_RAW alone allows ARP and DNS spoofing inside the node's network. The restricted Pod Security Standard requires `drop: [ALL]`, adding back only NET_BIND_SERVICE when needed.";

    public override string Fix => "Set `securityContext.capabilities.drop: [\"ALL\"]` on every container and add back only what it needs (usually nothing, or NET_BIND_SERVICE).";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
                  securityContext:
                    capabilities:
                      drop: ["NET_RAW"]
        """);

    public override RuleExample Passing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
                  securityContext:
                    capabilities:
                      drop: ["ALL"]
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                var capabilities = Yaml.Map(Yaml.Map(container, "securityContext"), "capabilities");
                var drop = Yaml.Seq(capabilities, "drop").OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();
                if (!drop.Any(c => c.Equals("ALL", StringComparison.OrdinalIgnoreCase)))
                {
                    var at = Yaml.Get(capabilities, "drop") is { } node ? obj.RangeOf(node) : obj.RangeOf(container);
                    yield return Report(obj, at, "container '" + Yaml.Str(container, "name") + "' keeps the default capabilities (capabilities.drop has no ALL)");
                }
            }
        }
    }
}
