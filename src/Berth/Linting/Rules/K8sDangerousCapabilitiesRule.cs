using Berth.Linting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Rules;

public sealed class K8sDangerousCapabilitiesRule : LintRule
{
    /// <summary>Capabilities that give control over the node or other pods (the baseline Pod Security Standard forbids all of these).</summary>
    private static readonly HashSet<string> Dangerous = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME", "DAC_READ_SEARCH", "BPF", "PERFMON", "SYS_RESOURCE", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG",
    };

    public override string Id => "BERTH-K8S-013";

    public override Severity Severity => Severity.High;

    public override string Title => "Container adds a dangerous Linux capability";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "SYS_ADMIN is nearly root on the node (mounts, namespaces, BPF), NET_ADMIN rewrites the node's routing and iptables, SYS_PTRACE reads other processes' memory, SYS_MODULE loads kernel modules. One compromised container with them is a compromised node; the baseline Pod Security Standard forbids adding them.";

    public override string Fix => "Remove the capability from `securityContext.capabilities.add`; if a node agent really needs it, run it as a separately reviewed DaemonSet in its own namespace and suppress the finding there with a reason.";

    public override RuleExample Failing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vpn
          namespace: edge
        spec:
          template:
            spec:
              containers:
                - name: vpn
                  image: vpn:2.1
                  securityContext:
                    capabilities:
                      add: ["NET_ADMIN"]
        """);

    public override RuleExample Passing => new("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: edge
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: web:2.1
                  securityContext:
                    capabilities:
                      drop: ["ALL"]
                      add: ["NET_BIND_SERVICE"]
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var container in obj.Containers())
            {
                foreach (var item in Yaml.Seq(Yaml.Map(Yaml.Map(container, "securityContext"), "capabilities"), "add").OfType<YamlScalarNode>())
                {
                    var name = (item.Value ?? "").Trim();
                    var bare = name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
                    if (Dangerous.Contains(bare))
                    {
                        yield return Report(obj, obj.RangeOf(item), "container '" + Yaml.Str(container, "name") + "' adds the " + bare.ToUpperInvariant() + " capability");
                    }
                }
            }
        }
    }
}
