using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Kubernetes;

/// <summary>One Kubernetes object from a (possibly multi-document) YAML file, with line numbers.</summary>
public sealed record KubeObject(string File, string ApiVersion, string Kind, string Name, string? Namespace, YamlMappingNode Root, SourceRange Range)
{
    public string Address => Kind + "/" + (Namespace ?? "default") + "/" + Name;

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public YamlMappingNode? Metadata => Yaml.Map(Root, "metadata");

    public YamlMappingNode? Spec => Yaml.Map(Root, "spec");

    public string? Annotation(string key) => Yaml.Str(Yaml.Map(Metadata, "annotations"), key);

    public SourceRange RangeOf(YamlNode? node) => node is null ? Range : Yaml.RangeOf(File, node);

    public static readonly IReadOnlySet<string> WorkloadKinds = new HashSet<string>(StringComparer.Ordinal) { "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet" };

    /// <summary>A workload with a pod template: the built-in kinds, and an Argo Rollout (argoproj.io), whose spec has the Deployment's shape.</summary>
    public bool IsWorkload => (WorkloadKinds.Contains(Kind) && Group is "" or "apps" or "batch") || (Kind == "Rollout" && Group == "argoproj.io");

    /// <summary>The pod spec of a workload (through a CronJob's job template).</summary>
    public YamlMappingNode? PodSpec => Kind switch
    {
        "Pod" => Spec,
        "CronJob" => Yaml.Map(Yaml.Map(Yaml.Map(Yaml.Map(Yaml.Map(Spec, "jobTemplate"), "spec"), "template"), "spec"), null),
        _ when IsWorkload => Yaml.Map(Yaml.Map(Spec, "template"), "spec"),
        _ => null,
    };

    public YamlMappingNode? PodTemplateMetadata => Kind switch
    {
        "Pod" => Metadata,
        "CronJob" => Yaml.Map(Yaml.Map(Yaml.Map(Yaml.Map(Spec, "jobTemplate"), "spec"), "template"), "metadata"),
        _ when IsWorkload => Yaml.Map(Yaml.Map(Spec, "template"), "metadata"),
        _ => null,
    };

    /// <summary>Containers and init containers of the pod spec.</summary>
    public IReadOnlyList<YamlMappingNode> Containers(bool includeInit = true)
    {
        var pod = PodSpec;
        var result = Yaml.Seq(pod, "containers").OfType<YamlMappingNode>().ToList();
        if (includeInit)
        {
            result.AddRange(Yaml.Seq(pod, "initContainers").OfType<YamlMappingNode>());
        }

        return result;
    }
}

/// <summary>Small helpers over YamlDotNet's representation model.</summary>
public static class Yaml
{
    public static YamlNode? Get(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The mapping under <paramref name="key"/>; with a null key, the node itself when it is a mapping.</summary>
    public static YamlMappingNode? Map(YamlNode? node, string? key) => (key is null ? node : Get(node, key)) as YamlMappingNode;

    public static IReadOnlyList<YamlNode> Seq(YamlNode? node, string key) => Get(node, key) is YamlSequenceNode seq ? seq.Children.ToList() : [];

    public static string? Str(YamlNode? node, string key) => (Get(node, key) as YamlScalarNode)?.Value;

    public static bool? Bool(YamlNode? node, string key) => Str(node, key) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public static SourceRange RangeOf(string file, YamlNode node) =>
        new(file, new SourcePos((int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column), (int)Math.Min(int.MaxValue, node.Start.Index)),
            new SourcePos((int)Math.Max(1, node.End.Line), (int)Math.Max(1, node.End.Column), (int)Math.Min(int.MaxValue, node.End.Index)));

    /// <summary>The range of a key (better than its value for a finding's line).</summary>
    public static SourceRange? KeyRange(string file, YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map)
        {
            return null;
        }

        foreach (var (k, _) in map.Children)
        {
            if (k is YamlScalarNode { Value: var v } && v == key)
            {
                return RangeOf(file, k);
            }
        }

        return null;
    }
}

/// <summary>Reads the Kubernetes objects of a YAML file; a file that is not Kubernetes gives none, quietly.</summary>
public static class KubeReader
{
    public static (IReadOnlyList<KubeObject> Objects, IReadOnlyList<LintDiagnostic> Diagnostics) Read(string path, string text)
    {
        var objects = new List<KubeObject>();
        if (Files.YamlShape.Exceeds(text, LintLimits.MaxYamlDepth, LintLimits.MaxYamlNodes) is { } shape)
        {
            return ([], [new LintDiagnostic(SourceRange.At(path, shape.Line, shape.Column), shape.Message + "; the file is not linted")]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (ArgumentException)
        {
            // Duplicate keys: not a manifest kubectl would accept either.
            return ([], [new LintDiagnostic(SourceRange.At(path, 1), "invalid YAML: duplicate keys")]);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // InvalidOperationException: YamlDotNet's scanner fails this way when the text ends inside "[a, b".
            var at = e is YamlException y ? y.Start : Mark.Empty;
            // Only worth a diagnostic when the file looks like Kubernetes (Helm templates are not YAML).
            if (text.Contains("apiVersion:", StringComparison.Ordinal) && text.Contains("kind:", StringComparison.Ordinal) && !text.Contains("{{", StringComparison.Ordinal))
            {
                return ([], [new LintDiagnostic(SourceRange.At(path, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column)), "invalid YAML: " + (e is YamlException ? e.Message : "a '[' or '{' is never closed"))]);
            }

            return ([], []);
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }

            var apiVersion = Yaml.Str(root, "apiVersion");
            var kind = Yaml.Str(root, "kind");
            if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
            {
                continue;
            }

            if (kind == "List")
            {
                foreach (var item in Yaml.Seq(root, "items").OfType<YamlMappingNode>())
                {
                    Add(item);
                }

                continue;
            }

            Add(root);
        }

        return (objects, []);

        void Add(YamlMappingNode node)
        {
            var apiVersion = Yaml.Str(node, "apiVersion");
            var kind = Yaml.Str(node, "kind");
            if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
            {
                return;
            }

            var metadata = Yaml.Map(node, "metadata");
            objects.Add(new KubeObject(path, apiVersion, kind, Yaml.Str(metadata, "name") ?? "(unnamed)", Yaml.Str(metadata, "namespace"), node, Yaml.RangeOf(path, node)));
        }
    }
}
