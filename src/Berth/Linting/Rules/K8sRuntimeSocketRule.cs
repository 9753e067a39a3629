using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class K8sRuntimeSocketRule : LintRule
{
    public override string Id => "BERTH-K8S-017";

    public override Severity Severity => Severity.Critical;

    public override string Title => "Pod mounts the container runtime socket";

    public override string Resource => "Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Rollout";

    public override string Why => "A hostPath volume on `docker.sock`, `containerd.sock` or `crio.sock` lets the pod start any container on the node, privileged, with the host's filesystem: it is root on the node. EKS has not shipped Docker since 1.24, so a docker.sock mount is usually also a leftover that no longer works.";

    public override string Fix => "Remove the mount. Build images with a builder that needs no daemon (BuildKit rootless, Kaniko, CodeBuild), and read node metadata through the Kubernetes API.";

    public override RuleExample Failing => new("ds.yaml", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: builder
        spec:
          template:
            spec:
              containers:
                - name: builder
                  image: docker:27.3
                  volumeMounts:
                    - name: docker
                      mountPath: /var/run/docker.sock
              volumes:
                - name: docker
                  hostPath:
                    path: /var/run/docker.sock
        """);

    public override RuleExample Passing => new("ds.yaml", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: builder
        spec:
          template:
            spec:
              containers:
                - name: builder
                  image: moby/buildkit:v0.17.0-rootless
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var obj in input.Objects.Where(o => o.IsWorkload))
        {
            foreach (var volume in Yaml.Seq(obj.PodSpec, "volumes"))
            {
                var hostPath = Yaml.Map(volume, "hostPath");
                if (Yaml.Str(hostPath, "path") is { } path && (path.EndsWith("docker.sock", StringComparison.Ordinal) || path.EndsWith("containerd.sock", StringComparison.Ordinal) || path.EndsWith("crio.sock", StringComparison.Ordinal)))
                {
                    yield return Report(obj, Yaml.KeyRange(obj.File, hostPath, "path") ?? obj.RangeOf(volume), "volume '" + Yaml.Str(volume, "name") + "' mounts the container runtime socket " + path + " from the node");
                }
            }
        }
    }
}
