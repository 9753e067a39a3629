using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Kubernetes;

/// <summary>
/// What kustomize and Helm do to the manifests Berth reads (kubectl kustomize, sigs.k8s.io/kustomize api/types
/// kustomization.go): a kustomization's <c>namespace</c> applies to everything it builds, bases included; patch files
/// and <c>$patch: delete</c> documents are edits, not objects; a chart's templates get their namespace from
/// <c>helm install -n</c>.
/// </summary>
public static class Kustomize
{
    public static readonly IReadOnlySet<string> FileNames = new HashSet<string>(StringComparer.Ordinal) { "kustomization.yaml", "kustomization.yml", "Kustomization" };

    /// <summary>A kustomization file without apiVersion and kind (kustomize accepts that) read as a Kustomization object.</summary>
    public static KubeObject? ReadUntyped(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException)
        {
            return null;
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? new KubeObject(path, "kustomize.config.k8s.io/v1beta1", "Kustomization", Path.GetFileName(Path.GetDirectoryName(path)) ?? "kustomization", null, root, Yaml.RangeOf(path, root))
            : null;
    }

    /// <summary>The objects rules should see: patches (files a kustomization lists as patches, and <c>$patch</c> documents) are left out.</summary>
    public static List<KubeObject> WithoutPatches(IReadOnlyList<KubeObject> objects)
    {
        var patchFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in objects.Where(o => o.Kind == "Kustomization"))
        {
            var dir = Path.GetDirectoryName(k.File) ?? "";
            foreach (var entry in Yaml.Seq(k.Root, "patchesStrategicMerge").Concat(Yaml.Seq(k.Root, "patches")).Concat(Yaml.Seq(k.Root, "patchesJson6902")))
            {
                var relative = entry is YamlScalarNode scalar ? scalar.Value : Yaml.Str(entry, "path");
                if (relative is { Length: > 0 })
                {
                    patchFiles.Add(Path.GetFullPath(Path.Combine(dir, relative)));
                }
            }
        }

        return objects.Where(o => !patchFiles.Contains(o.File) && Yaml.Get(o.Root, "$patch") is null).ToList();
    }

    /// <summary>
    /// Folders whose manifests get a namespace from a kustomization: the folder of each kustomization that sets one,
    /// and every base or component folder it builds, transitively.
    /// </summary>
    public static IReadOnlyList<string> NamespacedFolders(IEnumerable<KubeObject> objects)
    {
        var kustomizations = objects.Where(o => o.Kind == "Kustomization").ToDictionary(k => Path.GetDirectoryName(k.File) ?? "", StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(kustomizations.Where(kv => Yaml.Str(kv.Value.Root, "namespace") is { Length: > 0 } ns && ns != "default").Select(kv => kv.Key));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (!result.Add(dir) || !kustomizations.TryGetValue(dir, out var k))
            {
                continue;
            }

            foreach (var entry in Yaml.Seq(k.Root, "resources").Concat(Yaml.Seq(k.Root, "bases")).Concat(Yaml.Seq(k.Root, "components")).OfType<YamlScalarNode>())
            {
                if (entry.Value is { Length: > 0 } relative && !relative.Contains("://", StringComparison.Ordinal))
                {
                    var target = Path.GetFullPath(Path.Combine(dir, relative));
                    if (kustomizations.TryGetValue(target, out var baseK) && Yaml.Str(baseK.Root, "namespace") is not { Length: > 0 })
                    {
                        pending.Push(target);
                    }
                }
            }
        }

        return result.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>True for a file under a Helm chart's templates/ folder (a Chart.yaml beside that folder).</summary>
    public static bool IsHelmTemplate(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) == "templates" && Path.GetDirectoryName(dir) is { } chart && File.Exists(Path.Combine(chart, "Chart.yaml")))
            {
                return true;
            }
        }

        return false;
    }
}
