using Berth.Linting;
using Berth.Spec;

namespace Berth.Importing;

/// <summary>The code could not be read (a syntax error, an unreadable file) or holds no platform: exit 2.</summary>
public sealed class ImportException : Exception
{
    public ImportException()
        : this("nothing to import")
    {
    }

    public ImportException(string message)
        : this([message])
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException) => Lines = [message];

    public ImportException(IReadOnlyList<string> lines)
        : base(string.Join('\n', lines)) => Lines = lines;

    /// <summary>One <c>file:line:col: error: message</c> per problem, sorted.</summary>
    public IReadOnlyList<string> Lines { get; }
}

/// <summary>A berth.yaml's text for the platform found, and what was found.</summary>
public sealed record ImportResult(ImportedPlatform Platform, string Yaml);

/// <summary>
/// <c>berth import</c>: reads Terraform and Kubernetes YAML the way the linter does (variables, tfvars, locals,
/// local and initialised modules), finds the platform the team runs and describes it as a berth.yaml.
/// </summary>
public static class Importer
{
    /// <param name="paths">Files and folders to read.</param>
    /// <param name="varFiles">Extra tfvars files.</param>
    /// <param name="baseDirectory">Where the paths in comments and messages start.</param>
    /// <param name="outputName">The name of the berth.yaml written (for validating it).</param>
    public static ImportResult Run(IReadOnlyList<string> paths, IReadOnlyList<string> varFiles, string baseDirectory, string outputName = "berth.yaml")
    {
        var sources = LintSources.Read(paths, varFiles);
        var project = sources.Project;
        var moduleNotes = project.ModuleNotes.ToHashSet();
        var unrendered = sources.Unrendered.ToHashSet();
        var errors = sources.Diagnostics.Where(d => !moduleNotes.Contains(d) && !unrendered.Contains(d)).ToList();
        if (errors.Count > 0)
        {
            throw new ImportException(errors.Select(d => Relative(d.Range, baseDirectory) + ": error: " + d.Message).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        }

        var shown = string.Join(", ", paths.Select(p => Relative(p, baseDirectory)));
        var platform = Platform(project.Resources, sources.Objects, shown);
        if (platform is null)
        {
            var read = project.FileCount + sources.YamlFiles;
            throw new ImportException([shown + ": error: no platform found: " +
                (read == 0 ? "no Terraform (.tf) or Kubernetes YAML files" : $"no aws_ecs_service, EKS cluster or Kubernetes workload in the {read} files read")]);
        }

        var notes = platform.Notes
            .Concat(moduleNotes.Select(d => new ImportNote(d.Range, d.Message)))
            .Concat(unrendered.Select(d => new ImportNote(d.Range, d.Message.Replace("lint the output", "import the output", StringComparison.Ordinal))))
            .Concat(project.EvaluationNotes.Select(d => new ImportNote(d.Range, d.Message)))
            .ToList();
        platform = platform with { Notes = notes };
        var fallback = Path.GetFileName(Path.GetFullPath(paths.Count > 0 ? paths[0] : ".").TrimEnd(Path.DirectorySeparatorChar));
        var yaml = SpecText.Render(platform, baseDirectory, fallback);

        // What import writes must load: a failure here is a bug in the importer, not the user's input.
        var check = SpecLoader.Parse(yaml, outputName);
        if (check.Errors.Count > 0)
        {
            throw new InvalidOperationException("berth import wrote a berth.yaml that does not load: " + string.Join("; ", check.Errors));
        }

        return new ImportResult(platform, yaml);
    }

    /// <summary>
    /// The platform the code describes: ECS services from Terraform, or Kubernetes workloads (with the EKS cluster's
    /// Terraform when given). When both are there, the one with more services is the platform, and a note says so.
    /// </summary>
    private static ImportedPlatform? Platform(IReadOnlyList<Linting.Terraform.TerraformResource> resources, IReadOnlyList<Linting.Kubernetes.KubeObject> objects, string shown)
    {
        var ecs = EcsTerraform.Read(resources);
        var cluster = EksTerraform.Read(resources);
        var k8s = KubernetesManifests.Read(objects, cluster?.Name?.Value);
        if (k8s is null && cluster is not null && ecs is null)
        {
            throw new ImportException([shown + ": error: an EKS cluster but no Kubernetes workload: pass the folder of its manifests too (or kustomize build / helm template output)"]);
        }

        ImportedPlatform? eks = null;
        if (k8s is not null)
        {
            eks = k8s with
            {
                Name = cluster?.Name,
                Region = ProviderSettings.Region(resources),
                Environment = ProviderSettings.Environment(resources) ?? k8s.Environment,
                EksVersion = cluster?.Version,
                SupportTier = cluster?.Tier,
                NodeGroups = cluster?.NodeGroups ?? [],
                FargateProfile = cluster?.FargateProfile,
                Notes = k8s.Notes.Concat(cluster?.Notes ?? []).ToList(),
            };
        }

        if (ecs is not null && eks is not null)
        {
            var (chosen, other) = eks.Services.Count > ecs.Services.Count ? (eks, ecs) : (ecs, eks);
            var what = (ImportedPlatform p) => p.Platform == RunningPlatform.EcsFargate ? "ECS" : "EKS";
            return chosen with { Notes = chosen.Notes.Append(new ImportNote(null, $"the code describes both ECS ({ecs.Services.Count} services) and EKS ({eks.Services.Count}); imported {what(chosen)}, the one with more services; import the {what(other)} code on its own to judge it")).ToList() };
        }

        return ecs ?? eks;
    }

    private static string Relative(string path, string baseDirectory) => Provenance.Shown(path, baseDirectory);

    private static string Relative(SourceRange r, string baseDirectory) =>
        Provenance.Shown(r.File, baseDirectory) + ":" + r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + r.Column.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
