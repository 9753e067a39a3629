using Berth.Generation.Yaml;
using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>argocd/: an AppProject per team and an Application per service (ArgoCD before v3.1: no automated.enabled).</summary>
public static class ArgoCdManifests
{
    public const string InCluster = "https://kubernetes.default.svc";
    public const string PlatformProject = "platform";

    public static IEnumerable<GeneratedFile> Files(BerthSpec spec, EksLayout layout)
    {
        yield return new($"argocd/appproject-{PlatformProject}.yaml", YamlWriter.Write(Project(layout, PlatformProject, "*", namespaces: true)));
        yield return new("argocd/application-namespaces.yaml", YamlWriter.Write(Application(layout, "namespaces", PlatformProject, "k8s/namespaces", null, null)));
        foreach (var ns in layout.Namespaces)
        {
            yield return new($"argocd/appproject-{ns}.yaml", YamlWriter.Write(Project(layout, ns, ns, namespaces: false)));
        }

        foreach (var s in spec.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var ns = layout.NamespaceOf[s.Name];
            yield return new($"argocd/application-{s.Name}.yaml", YamlWriter.Write(Application(layout, s.Name, ns, $"k8s/{s.Name}", ns, s)));
        }
    }

    private static YamlMap Project(EksLayout layout, string name, string destinationNamespace, bool namespaces) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "AppProject",
        ["metadata"] = new YamlMap { ["name"] = name, ["namespace"] = "argocd" },
        ["spec"] = new YamlMap
        {
            ["description"] = namespaces ? $"{layout.Name}: team namespaces" : $"{layout.Name}: services of {name}",
            ["sourceRepos"] = new[] { layout.GitRepo },
            ["destinations"] = new[] { new YamlMap { ["server"] = InCluster, ["namespace"] = destinationNamespace } },
            ["clusterResourceWhitelist"] = namespaces
                ? new[] { new YamlMap { ["group"] = "", ["kind"] = "Namespace" } }
                : [],
        },
    };

    private static YamlMap Application(EksLayout layout, string name, string project, string path, string? ns, ServiceSpec? service)
    {
        var autoscaled = service is not null && EksLayout.Autoscaled(service);
        var options = new List<string> { "CreateNamespace=false", "ServerSideApply=true" };
        if (ns is not null)
        {
            options[0] = "CreateNamespace=true";
        }

        if (autoscaled)
        {
            // The HPA or KEDA owns spec.replicas; without this a sync would reset it.
            options.Add("RespectIgnoreDifferences=true");
        }

        return new YamlMap
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Application",
            ["metadata"] = new YamlMap
            {
                ["name"] = name,
                ["namespace"] = "argocd",
                ["finalizers"] = new[] { "resources-finalizer.argocd.argoproj.io" },
            },
            ["spec"] = new YamlMap
            {
                ["project"] = project,
                ["source"] = new YamlMap { ["repoURL"] = layout.GitRepo, ["targetRevision"] = "main", ["path"] = path },
                ["destination"] = new YamlMap { ["server"] = InCluster, ["namespace"] = ns },
                ["syncPolicy"] = new YamlMap
                {
                    ["automated"] = new YamlMap { ["prune"] = true, ["selfHeal"] = true },
                    ["syncOptions"] = options,
                    ["retry"] = new YamlMap
                    {
                        ["limit"] = 5,
                        ["backoff"] = new YamlMap { ["duration"] = "5s", ["factor"] = 2, ["maxDuration"] = "3m" },
                    },
                },
                ["ignoreDifferences"] = autoscaled && service is not null
                    ? new[] { new YamlMap { ["group"] = "apps", ["kind"] = "Deployment", ["name"] = service.Name, ["jsonPointers"] = new[] { "/spec/replicas" } } }
                    : null,
            },
        };
    }
}
